package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import noc.ticket.TicketCommand;
import noc.ticket.TicketCommand.Refused.Kind;

/** The engine's refusals said in French on French pages, and as the API says them on English ones. */
class RefusalsTest {

    private static final Refusals REFUSALS = new Refusals(new ResourceBundleMessageSource("i18n.messages"));

    @ParameterizedTest
    @CsvSource(delimiter = '^', value = {
            "STATE^ OPEN|CONFIRM|RESOLVED^ un ticket ouvert ne peut pas être confirmé : il faut pour cela qu’il soit résolu.^ A ticket that is open cannot be confirmed; that needs a ticket that is resolved",
            "STATE^ RESOLVED|ACKNOWLEDGE|OPEN,ACKNOWLEDGED^ un ticket résolu ne peut pas être pris en compte : il faut pour cela qu’il soit ouvert ou pris en compte.^ A ticket that is resolved cannot be acknowledged; that needs a ticket that is open or acknowledged",
            "CLOSED^ INC-2026-000001^ le ticket INC-2026-000001 est clos.^ Ticket INC-2026-000001 is closed",
            "NOT_ESCALATED^ P3^ seuls les tickets P1 et P2 sont escaladés ; celui-ci est en P3.^ Only P1 and P2 tickets are escalated (P-5.1); this one is P3",
            "NO_ESCALATION^ 2|1^ le niveau 2 n’a pas d’escalade à prendre en compte ; le ticket est au niveau 1.^ Level 2 has no escalation to acknowledge; the ticket is at level 1",
            "UNKNOWN_CUSTOMER^ Initrode^ le client « Initrode » ne figure pas dans l’inventaire.^ Customer ‘Initrode’ is not in the inventory",
            "ALREADY_CUSTOMER^ Acme^ le ticket concerne déjà Acme.^ The ticket already concerns Acme"})
    void eachKindOfRefusalIsSaidInThePagesLanguage(Kind kind, String arguments, String french, String english) {
        TicketCommand.Refused refused = new TicketCommand.Refused("the API's sentence", kind,
                List.of(arguments.split("\\|")));
        assertThat(REFUSALS.text(refused, Locale.FRENCH)).isEqualTo(french);
        assertThat(REFUSALS.text(refused, Locale.ENGLISH)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource({"fr", "en"})
    void aRefusalKnownOnlyByItsSentenceIsShownAsTheApiGivesIt(String language) {
        assertThat(REFUSALS.text(new TicketCommand.Refused("Maintenance tickets cannot be resolved by hand"),
                Locale.forLanguageTag(language))).isEqualTo("Maintenance tickets cannot be resolved by hand");
    }
}
