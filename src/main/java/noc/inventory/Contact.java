package noc.inventory;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Someone to tell or to call: a customer's contact, a project manager, an escalation manager.
 *
 * @param language the language the contact is written to (emails, answer pages); null for
 *                 {@code noc.locale}'s
 */
@Serdeable
public record Contact(String name, @Nullable String customer, String role, String phone, String email,
                      @Nullable Language language) implements InventoryItem {

    public Contact {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(email, "email is null");
    }

    /** A contact written to in {@code noc.locale}'s language. */
    public Contact(String name, @Nullable String customer, String role, String phone, String email) {
        this(name, customer, role, phone, email, null);
    }

    /**
     * The language an address is written to, the one rule for it: that of the first contact by name,
     * among {@code contacts} (those whose address is {@code email} in any case), that has a language;
     * empty when none has one ({@code noc.locale}'s then).
     */
    public static java.util.Optional<Language> languageOf(String email, java.util.Collection<Contact> contacts) {
        return contacts.stream()
                .filter(contact -> contact.language() != null && contact.email().equalsIgnoreCase(email))
                .min(java.util.Comparator.comparing(Contact::name))
                .map(Contact::language);
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.CONTACTS;
    }

    @Override
    public String key() {
        return name;
    }

    public String getName() { return name; }
    public String getCustomer() { return customer; }
    public String getRole() { return role; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public Language getLanguage() { return language; }
}
