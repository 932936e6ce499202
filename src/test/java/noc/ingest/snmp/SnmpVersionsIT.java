package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import noc.support.Await;
import noc.support.MetricsReader;
import noc.support.NetSnmp;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * net-snmp's snmptrap and snmpinform send every SNMP version the listener takes; each becomes a
 * named alarm with named varbinds, and what it refuses is counted by reason.
 */
class SnmpVersionsIT {

    private static final String ENGINE_ID = "0x8000000001020304";
    private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("snmp"), Map.of(
                "noc.snmp.communities", List.of("public"),
                "noc.snmp.usm-users[0].name", "noc",
                "noc.snmp.usm-users[0].auth-protocol", "SHA-256",
                "noc.snmp.usm-users[0].auth-passphrase", "auth-secret-1",
                "noc.snmp.usm-users[0].priv-protocol", "AES-128",
                "noc.snmp.usm-users[0].priv-passphrase", "priv-secret-1",
                "noc.snmp.usm-users[0].engine-id", ENGINE_ID));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void needsNetSnmp() {
        NetSnmp.assumeInstalled();
    }

    private String target() {
        return "127.0.0.1:" + app.snmpPort();
    }

    /** The varbinds of a linkDown on {@code ifIndex}, forwarded on behalf of {@code device}. */
    private static List<String> linkDownVarbinds(String device, int ifIndex) {
        return List.of(LINK_DOWN,
                "1.3.6.1.2.1.2.2.1.1." + ifIndex, "i", Integer.toString(ifIndex),
                "1.3.6.1.2.1.2.2.1.8." + ifIndex, "i", "2",
                "1.3.6.1.6.3.18.1.3.0", "a", device);
    }

    private static String[] args(List<String> head, List<String> tail) {
        return java.util.stream.Stream.concat(head.stream(), tail.stream()).toArray(String[]::new);
    }

    private Map<String, Object> awaitAlarmFrom(String device) {
        return app.awaitList("/api/v1/alarms", alarms -> alarms.stream().anyMatch(a -> a.get("source").equals(device)))
                .stream().filter(a -> a.get("source").equals(device)).findFirst().orElseThrow();
    }

    private static void assertNamedLinkDown(Map<String, Object> alarm, int ifIndex) {
        assertThat(alarm).containsEntry("name", "IF-MIB::linkDown").containsEntry("resource", "ifIndex." + ifIndex);
        assertThat(alarm.get("varbinds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("ifOperStatus." + ifIndex, "down(2)");
    }

    @Test
    void aV1GenericLinkDownBecomesIfMibLinkDownFromItsAgentAddress() {
        NetSnmp.succeed("snmptrap", "-v", "1", "-c", "public", target(), "1.3.6.1.4.1.8072.3.2.10", "192.0.2.41",
                "2", "0", "", "1.3.6.1.2.1.2.2.1.1.4", "i", "4", "1.3.6.1.2.1.2.2.1.8.4", "i", "2");

        assertNamedLinkDown(awaitAlarmFrom("192.0.2.41"), 4);
    }

    @Test
    void aV2cTrapBecomesANamedAlarm() {
        NetSnmp.succeed("snmptrap", args(List.of("-v", "2c", "-c", "public", target(), ""),
                linkDownVarbinds("192.0.2.42", 5)));

        assertNamedLinkDown(awaitAlarmFrom("192.0.2.42"), 5);
    }

    @Test
    void aV2cInformIsAnsweredOnceItsAlarmIsCommitted() {
        // snmpinform exits 0 only when the correlator answered, which it does after the commit.
        NetSnmp.succeed("snmpinform", args(List.of("-v", "2c", "-c", "public", "-t", "5", "-r", "1", target(), ""),
                linkDownVarbinds("192.0.2.43", 6)));

        assertNamedLinkDown(app.getList("/api/v1/alarms").stream()
                .filter(a -> a.get("source").equals("192.0.2.43")).findFirst().orElseThrow(), 6);
    }

    @Test
    void aV3AuthPrivTrapWithSha256AndAes128BecomesANamedAlarm() {
        NetSnmp.succeed("snmptrap", args(List.of("-v", "3", "-e", ENGINE_ID, "-u", "noc", "-l", "authPriv",
                "-a", "SHA-256", "-A", "auth-secret-1", "-x", "AES", "-X", "priv-secret-1", target(), ""),
                linkDownVarbinds("192.0.2.44", 7)));

        assertNamedLinkDown(awaitAlarmFrom("192.0.2.44"), 7);
    }

    @Test
    void aV3InformIsAnsweredOnceItsAlarmIsCommitted() {
        NetSnmp.succeed("snmpinform", args(List.of("-v", "3", "-u", "noc", "-l", "authPriv", "-a", "SHA-256",
                "-A", "auth-secret-1", "-x", "AES", "-X", "priv-secret-1", "-t", "5", "-r", "1", target(), ""),
                linkDownVarbinds("192.0.2.45", 8)));

        assertNamedLinkDown(app.getList("/api/v1/alarms").stream()
                .filter(a -> a.get("source").equals("192.0.2.45")).findFirst().orElseThrow(), 8);
    }

    /** The cases of a refused trap: why it is refused, the reason counted, and the sender's options. */
    static Stream<Arguments> refusedTraps() {
        return Stream.of(
                Arguments.of("a v3 trap with a wrong authentication passphrase", "v3_authentication", "192.0.2.46",
                        List.of("-v", "3", "-e", ENGINE_ID, "-u", "noc", "-l", "authPriv", "-a", "SHA-256",
                                "-A", "wrong-secret", "-x", "AES", "-X", "priv-secret-1")),
                Arguments.of("a v3 trap that does not decrypt", "v3_decryption", "192.0.2.47",
                        List.of("-v", "3", "-e", ENGINE_ID, "-u", "noc", "-l", "authPriv", "-a", "SHA-256",
                                "-A", "auth-secret-1", "-x", "AES", "-X", "wrong-privacy")),
                Arguments.of("a v2c trap with an unknown community", "unknown_community", "192.0.2.48",
                        List.of("-v", "2c", "-c", "private")));
    }

    @ParameterizedTest(name = "{0} is counted as {1} and dropped")
    @MethodSource("refusedTraps")
    void aRefusedTrapIsCountedByReasonAndDropped(String description, String reason, String device,
                                                 List<String> options) {
        String labels = "reason=\"" + reason + "\"";
        double before = MetricsReader.value(app, "noc_snmp_traps_dropped_total", labels);
        List<String> head = new java.util.ArrayList<>(options);
        head.addAll(List.of(target(), ""));

        NetSnmp.succeed("snmptrap", args(head, linkDownVarbinds(device, 9)));

        awaitMetric("noc_snmp_traps_dropped_total", labels, before + 1);
        assertThat(app.getList("/api/v1/alarms")).noneMatch(a -> a.get("source").equals(device));
    }

    /** Waits for the counter to reach {@code expected}, and fails at once should it pass it. */
    private static void awaitMetric(String name, String labels, double expected) {
        double value = Await.value(Duration.ofSeconds(10), name + "{" + labels + "} at " + expected,
                () -> MetricsReader.value(app, name, labels), reached -> reached >= expected);
        assertThat(value).isEqualTo(expected);
    }
}
