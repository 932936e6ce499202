package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import noc.ticket.TicketCommand;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand.Refused.Kind;
import noc.ticket.TicketStatus;

/** The engine's refusals said in French on French pages, and as the API says them on English ones. */
class RefusalsTest {

    private static final Refusals REFUSALS = new Refusals(new ResourceBundleMessageSource("i18n.messages"));

    @ParameterizedTest
    @CsvSource(delimiter = '^', value = {
            "STATE^ OPEN|CONFIRM|RESOLVED^ la confirmation de la résolution n’est possible que sur un incident résolu ; celui-ci est ouvert.^ Confirming the resolution needs a ticket that is resolved; this one is open",
            "STATE^ CLOSED|SET_PRIORITY|OPEN,ACKNOWLEDGED^ le changement de priorité n’est possible que sur un incident ouvert ou pris en compte ; celui-ci est clos.^ Changing the priority needs a ticket that is open or acknowledged; this one is closed",
            "STATE^ CLOSED|COMMENT|RESOLVED,OPEN,WAITING_ON_CUSTOMER^ l’ajout d’un commentaire n’est possible que sur un incident ouvert, en attente du client ou résolu ; celui-ci est clos.^ Commenting needs a ticket that is open, waiting on customer or resolved; this one is closed",
            "CLOSED^ INC-2026-000001^ l’incident INC-2026-000001 est clos.^ Ticket INC-2026-000001 is closed",
            "NOT_ESCALATED^ P3^ seuls les incidents P1 et P2 font l’objet d’une escalade ; celui-ci est en P3.^ Only P1 and P2 tickets are escalated (P-5.1); this one is P3",
            "NO_ESCALATION^ 2|1^ le niveau 2 n’a pas d’escalade en attente d’accusé de réception ; l’incident est au niveau 1.^ Level 2 has no escalation to acknowledge; the ticket is at level 1",
            "UNKNOWN_CUSTOMER^ Initrode^ le client « Initrode » ne figure pas dans l’inventaire.^ Customer ‘Initrode’ is not in the inventory",
            "ALREADY_CUSTOMER^ Acme^ l’incident concerne déjà Acme.^ The ticket already concerns Acme"})
    void eachKindOfRefusalIsSaidInThePagesLanguage(Kind kind, String arguments, String french, String english) {
        TicketCommand.Refused refused = new TicketCommand.Refused("the API's sentence", kind,
                List.of(arguments.split("\\|")));
        assertThat(REFUSALS.text(refused, Locale.FRENCH)).isEqualTo(french);
        assertThat(REFUSALS.text(refused, Locale.ENGLISH)).isEqualTo(english);
    }

    /**
     * Every action refused in every status, as the engine's state table can refuse it: each sentence
     * names the action by its noun and the statuses in words, whatever the combination (printed, to be
     * read as a whole).
     */
    @ParameterizedTest
    @CsvSource({"fr", "en"})
    void everyActionRefusedInEveryStatusIsSaidWithWordsOnly(String language) {
        Locale locale = Locale.forLanguageTag(language);
        for (TicketAction action : TicketAction.values()) {
            String allowed = String.join(",", action.from().stream().map(Enum::name).sorted().toList());
            for (TicketStatus status : TicketStatus.values()) {
                String text = REFUSALS.text(new TicketCommand.Refused("the API's sentence", Kind.STATE,
                        List.of(status.name(), action.name(), allowed)), locale);
                System.out.println(language + " " + status + " " + action + ": " + text);
                assertThat(text).doesNotContain("the API's sentence", "_").doesNotContainPattern("[A-Z]{4,}")
                        .startsWith(language.equals("fr") ? "l" : "");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"fr", "en"})
    void aRefusalKnownOnlyByItsSentenceIsShownAsTheApiGivesIt(String language) {
        assertThat(REFUSALS.text(new TicketCommand.Refused("Maintenance tickets cannot be resolved by hand"),
                Locale.forLanguageTag(language))).isEqualTo("Maintenance tickets cannot be resolved by hand");
    }
}
