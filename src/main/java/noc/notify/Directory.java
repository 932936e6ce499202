package noc.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import noc.inventory.Contact;
import noc.inventory.Contract;
import noc.inventory.Customer;
import noc.inventory.InventoryItem;
import noc.inventory.Language;

/** The people the inventory names, found the ways notifications need them. */
public final class Directory {

    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<String, List<Contact>> contactsByCustomer = new HashMap<>();
    /** By address in lower case: the contacts with that address, by name. */
    private final Map<String, List<Contact>> contactsByEmail = new HashMap<>();

    private Directory() {
    }

    public static Directory of(Collection<? extends InventoryItem> items) {
        Directory directory = new Directory();
        for (InventoryItem item : items) {
            if (item instanceof Customer customer) {
                directory.customers.put(customer.name(), customer);
            } else if (item instanceof Contact contact) {
                directory.contacts.put(contact.name(), contact);
                if (contact.customer() != null) {
                    directory.contactsByCustomer.computeIfAbsent(contact.customer(), c -> new ArrayList<>())
                            .add(contact);
                }
            }
        }
        directory.contactsByCustomer.values().forEach(list -> list.sort(
                java.util.Comparator.comparing(Contact::name)));
        directory.contacts.values().stream().sorted(java.util.Comparator.comparing(Contact::name)).forEach(contact -> {
            String email = contact.email().toLowerCase(java.util.Locale.ROOT);
            directory.contactsByEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(contact);
        });
        return directory;
    }

    /** The contacts that belong to {@code customer}, by name. */
    public List<Contact> contactsOf(String customer) {
        return contactsByCustomer.getOrDefault(customer, List.of());
    }

    /** The project manager of a managed customer (P-1.3); none for a standard contract. */
    public Optional<Contact> projectManagerOf(String customer) {
        Customer found = customers.get(customer);
        if (found == null || found.contract() != Contract.MANAGED || found.projectManager() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(contacts.get(found.projectManager()));
    }

    public boolean knows(String customer) {
        return customer != null && customers.containsKey(customer);
    }

    public Optional<Contact> contact(String name) {
        return Optional.ofNullable(contacts.get(name));
    }

    /** The name of the contact with address {@code email} (a ticket's watcher), else the address itself. */
    public String nameOf(String email) {
        List<Contact> found = contactsByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
        return found == null ? email : found.get(0).name();
    }

    /**
     * The language of the contacts with address {@code email} (a ticket's watcher, an escalation
     * address), or null when none has one: {@code noc.locale}'s then.
     */
    public Language languageOf(String email) {
        return Contact.languageOf(email, contactsByEmail.getOrDefault(email.toLowerCase(java.util.Locale.ROOT),
                List.of())).orElse(null);
    }
}
