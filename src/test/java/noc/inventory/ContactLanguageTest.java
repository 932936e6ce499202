package noc.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one rule for the language an address is written to. */
class ContactLanguageTest {

    private static Contact contact(String name, String email, Language language) {
        return new Contact(name, null, "NOC", "+33 1 00 00 00 00", email, language);
    }

    @Test
    void theFirstContactByNameWithALanguageGivesItInAnyCaseOfTheAddress() {
        List<Contact> contacts = List.of(contact("Zoe", "noc@example.com", Language.FR),
                contact("Adam", "NOC@example.com", Language.EN), contact("Aaron", "noc@example.com", null),
                contact("Bea", "other@example.com", Language.FR));
        assertThat(Contact.languageOf("Noc@Example.com", contacts)).hasValue(Language.EN);
    }

    @Test
    void noneWhenNoContactWithTheAddressHasALanguage() {
        List<Contact> contacts = List.of(contact("Aaron", "noc@example.com", null),
                contact("Bea", "other@example.com", Language.FR));
        assertThat(Contact.languageOf("noc@example.com", contacts)).isEmpty();
    }
}
