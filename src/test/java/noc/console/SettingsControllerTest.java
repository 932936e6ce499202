package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import noc.security.Accounts;

/** The settings form offers the zones people name, and the person's own when it is another the JDK knows. */
class SettingsControllerTest {

    @Test
    void theListHasRegionZonesOnly() {
        assertThat(SettingsController.ZONES).contains("Europe/Paris", "America/New_York")
                .doesNotContain("UTC", "Etc/GMT+3").isSorted();
    }

    @Test
    void aKnownZoneOutsideTheListIsOfferedFirst() {
        assertThat(SettingsController.zones("Etc/GMT+3")).startsWith("Etc/GMT+3", SettingsController.ZONES.get(0))
                .hasSize(SettingsController.ZONES.size() + 1);
        assertThat(SettingsController.zones("UTC").get(0)).isEqualTo("UTC");
    }

    @Test
    void aZoneOfTheListOrNoneOrAnUnknownOneLeavesTheListAsItIs() {
        assertThat(SettingsController.zones("Europe/Paris")).isSameAs(SettingsController.ZONES);
        assertThat(SettingsController.zones(Accounts.BROWSER)).isSameAs(SettingsController.ZONES);
        assertThat(SettingsController.zones(null)).isSameAs(SettingsController.ZONES);
        assertThat(SettingsController.zones("Mars/Olympus")).isSameAs(SettingsController.ZONES);
    }

    @Test
    void aZoneIsOneTheJdkKnows() {
        assertThat(Accounts.isZone("Europe/Paris")).isTrue();
        assertThat(Accounts.isZone("Etc/GMT+3")).isTrue();
        assertThat(Accounts.isZone("Mars/Olympus")).isFalse();
        assertThat(Accounts.isZone(Accounts.BROWSER)).isFalse();
    }
}
