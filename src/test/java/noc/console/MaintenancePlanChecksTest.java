package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import noc.api.FieldReader;
import noc.inventory.Device;
import noc.inventory.Inventory;
import noc.maintenance.MaintenanceBody;

/**
 * The plan form words each problem the API's checks find by the check's code, not by the API's English
 * sentence, which the API keeps as it was.
 */
class MaintenancePlanChecksTest {

    private static final Inventory KNOWN = new Inventory(List.of(new Device("rtr-1", null, null, List.of(),
            List.of())));
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource("i18n.messages");

    @ParameterizedTest
    @CsvSource(delimiter = '^', nullValues = "-", value = {
            "2030-01-02T10:00:00Z^ 2030-01-02T09:00:00Z^ none^   rtr-1^  end^ END_BEFORE_START^ -^ must come after start",
            "2030-01-02T10:00:00Z^ 2030-01-03T11:00:00Z^ daily^  rtr-1^  end^ PERIOD^ daily^ a daily window must be shorter than its period",
            "2030-01-02T10:00:00Z^ 2030-01-02T11:00:00Z^ none^   -^      scope^ EMPTY_SCOPE^ -^ must name at least one device, site or service",
            "2030-01-02T10:00:00Z^ 2030-01-02T11:00:00Z^ none^   rtr-9^  scope.devices[0]^ UNKNOWN^ rtr-9^ refers to unknown device 'rtr-9'",
            "tomorrow^             2030-01-02T11:00:00Z^ none^   rtr-1^  start^ TIME^ tomorrow^ must be an RFC 3339 time such as 2026-03-02T08:00:00Z, not 'tomorrow'",
            "2030-01-02T10:00:00Z^ 2030-01-02T11:00:00Z^ hourly^ rtr-1^  recurrence^ RECURRENCE^ hourly^ must be one of none, daily, weekly, not 'hourly'"})
    void eachProblemCarriesItsCheckAndTheApisSentence(String start, String end, String recurrence, String device,
                                                      String field, MaintenanceBody.Check check, String subject,
                                                      String sentence) {
        MaintenanceBody body = new MaintenanceBody("Patch", null, start, end, recurrence, null,
                new MaintenanceBody.Scope(device == null ? List.of() : List.of(device), List.of(), List.of()));
        List<MaintenanceBody.Finding> findings = new ArrayList<>();
        assertThat(body.request("olga", KNOWN, findings)).isNull();
        assertThat(findings).containsExactly(new MaintenanceBody.Finding(field, check, subject, sentence));

        FieldReader api = new FieldReader();
        assertThat(body.request("olga", KNOWN, api)).isNull();
        assertThat(api.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).isEqualTo(sentence);
        });
    }

    @ParameterizedTest
    @EnumSource(MaintenanceBody.Check.class)
    void eachCheckIsWordedInEnglishAndFrench(MaintenanceBody.Check check) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            assertThat(MESSAGES.getMessage("maintenance.invalid." + check.code(), locale, "x")).as(locale + " " + check)
                    .isPresent();
        }
    }

    @Test
    void aCheckCodeIsTheKeysLastWord() {
        assertThat(MaintenanceBody.Check.END_BEFORE_START.code()).isEqualTo("endBeforeStart");
        assertThat(MaintenanceBody.Check.TIME.code()).isEqualTo("time");
    }
}
