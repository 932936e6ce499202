package noc.ingest.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.smi.OID;

class MibRegistryTest {

    private static MibRegistry bundled;

    @BeforeAll
    static void loadBundled() {
        bundled = MibRegistry.load(List.of());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1.3.6.1.6.3.1.1.5.3, IF-MIB::linkDown",
            "1.3.6.1.6.3.1.1.5.4, IF-MIB::linkUp",
            "1.3.6.1.6.3.1.1.5.1, SNMPv2-MIB::coldStart",
            "1.3.6.1.4.1.99999.0.1, SNMPv2-SMI::enterprises.99999.0.1",
            "1.2.3.4.5, 1.2.3.4.5"})
    void notificationsAreNamedModuleAndName(String oid, String name) {
        assertThat(bundled.notificationName(new OID(oid).getValue())).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1.3.6.1.2.1.2.2.1.1.3, ifIndex.3",
            "1.3.6.1.2.1.2.2.1.8.17, ifOperStatus.17",
            "1.3.6.1.2.1.1.5.0, sysName.0",
            "1.3.6.1.6.3.18.1.3.0, snmpTrapAddress.0"})
    void variablesAreNamedWithTheirInstance(String oid, String name) {
        assertThat(bundled.variableName(new OID(oid).getValue())).isEqualTo(name);
    }

    @Test
    void integerEnumerationsGetTheirLabels() {
        int[] ifOperStatus = new OID("1.3.6.1.2.1.2.2.1.8.3").getValue();
        assertThat(bundled.enumLabel(ifOperStatus, 2)).isEqualTo("down(2)");
        assertThat(bundled.enumLabel(ifOperStatus, 99)).isNull();
        assertThat(bundled.enumLabel(new OID("1.3.6.1.2.1.2.2.1.1.3").getValue(), 3)).isNull();
    }

    @Test
    void theBundledIetfAndIanaModulesLoadWithoutErrors() {
        assertThat(bundled.moduleCount()).isGreaterThan(250);
        assertThat(bundled.problems()).isEmpty();
    }

    @Test
    void aModuleFromAConfiguredFolderNamesItsNotifications(@TempDir Path folder) throws IOException {
        Path vendor = Files.createDirectories(folder.resolve("acme"));
        Files.writeString(vendor.resolve("ACME-TRAP-MIB.txt"), """
                ACME-TRAP-MIB DEFINITIONS ::= BEGIN
                IMPORTS MODULE-IDENTITY, NOTIFICATION-TYPE, enterprises FROM SNMPv2-SMI;
                acme MODULE-IDENTITY
                    LAST-UPDATED "202601010000Z"
                    ORGANIZATION "Acme"
                    CONTACT-INFO "noc@example.com"
                    DESCRIPTION "Test traps."
                    ::= { enterprises 99998 }
                acmeTraps OBJECT IDENTIFIER ::= { acme 0 }
                acmeFanFailure NOTIFICATION-TYPE
                    STATUS current
                    DESCRIPTION "A fan stopped."
                    ::= { acmeTraps 1 }
                END
                """);
        Files.writeString(folder.resolve("Makefile"), "not a MIB");

        MibRegistry registry = MibRegistry.load(List.of(folder));

        assertThat(registry.notificationName(new OID("1.3.6.1.4.1.99998.0.1").getValue()))
                .isEqualTo("ACME-TRAP-MIB::acmeFanFailure");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aBrokenModuleIsReportedWithFileAndLineWhileTheOthersLoad(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("GOOD-MIB.txt"), """
                GOOD-MIB DEFINITIONS ::= BEGIN
                IMPORTS NOTIFICATION-TYPE, enterprises FROM SNMPv2-SMI;
                good OBJECT IDENTIFIER ::= { enterprises 99997 }
                goodEvent NOTIFICATION-TYPE
                    STATUS current
                    DESCRIPTION "A good event."
                    ::= { good 0 1 }
                END
                """);
        Files.writeString(folder.resolve("BROKEN-MIB.txt"), """
                BROKEN-MIB DEFINITIONS ::= BEGIN
                IMPORTS NOTIFICATION-TYPE, enterprises FROM SNMPv2-SMI;
                broken OBJECT IDENTIFIER ::= { enterprises 99996 }
                brokenEvent NOTIFICATION-TYPE
                    STATUS current
                    DESCRIPTION "Missing its closing brace."
                    ::= { broken 0 1
                END
                """);

        MibRegistry registry = MibRegistry.load(List.of(folder));

        assertThat(registry.problems()).isNotEmpty().first().satisfies(problem -> {
            assertThat(problem.file()).endsWith("BROKEN-MIB.txt");
            assertThat(problem.line()).isGreaterThan(0);
            assertThat(problem.message()).isNotBlank();
        });
        assertThat(registry.notificationName(new OID("1.3.6.1.4.1.99997.0.1").getValue()))
                .isEqualTo("GOOD-MIB::goodEvent");
        assertThat(registry.notificationName(new OID("1.3.6.1.6.3.1.1.5.3").getValue()))
                .isEqualTo("IF-MIB::linkDown");
    }
}
