package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import noc.ticket.WaitReason;

/** Every way the engine words a journal line is said in French and in English (messages {@code journal.*}). */
class JournalWordingsTest {

    private static Set<String> wordings(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
        Set<String> keys = new TreeSet<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("journal.") && Character.isUpperCase(key.charAt("journal.".length()))) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void theFrenchAndEnglishTextsWordTheSameActionsAndEveryReasonToWait() {
        Set<String> french = wordings(Locale.FRENCH);
        assertThat(french).isEqualTo(wordings(Locale.ENGLISH)).contains("journal.RESOLVED", "journal.DISPUTED",
                "journal.CONFIRMED", "journal.CLOSED_UNRESPONSIVE", "journal.CLOSED_UNCONFIRMED", "journal.DECLARED");
        for (WaitReason reason : WaitReason.values()) {
            assertThat(french).contains("journal.WAITING." + reason.name());
        }
    }
}
