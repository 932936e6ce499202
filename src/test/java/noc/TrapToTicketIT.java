package noc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** A real v2c trap over UDP becomes a ticket in MariaDB that the REST API shows with its journal. */
class TrapToTicketIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("trap"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLinkDownTrapOpensATicketShownWithItsAlarmAndJournal() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.1", 3);
        }

        Map<String, Object> summary = app.awaitList("/api/v1/tickets?status=open",
                tickets -> tickets.stream().anyMatch(t -> t.get("title").equals("Link down on 192.0.2.1"))).stream()
                .filter(t -> t.get("title").equals("Link down on 192.0.2.1")).findFirst().orElseThrow();
        assertThat(summary.get("reference").toString()).matches("INC-\\d{4}-\\d{6}");
        assertThat(summary).containsEntry("priority", "P2").containsEntry("status", "OPEN");

        Map<String, Object> ticket = app.getObject("/api/v1/tickets/" + summary.get("reference"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alarms = (List<Map<String, Object>>) ticket.get("alarms");
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm).containsEntry("name", "IF-MIB::linkDown").containsEntry("source", "192.0.2.1")
                    .containsEntry("resource", "ifIndex.3").containsEntry("state", "RAISED");
            assertThat(alarm.get("varbinds")).isEqualTo(Map.of("ifIndex.3", "3", "ifAdminStatus.3", "up(1)",
                    "ifOperStatus.3", "down(2)", "snmpTrapAddress.0", "192.0.2.1"));
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) ticket.get("journal");
        assertThat(journal).extracting(e -> e.get("action")).containsExactly("OPENED", "ALARM_ATTACHED");
        assertThat(journal.get(0)).containsEntry("authorKind", "RULE")
                .containsEntry("author", "A link down on a device the inventory does not know opens a P2 ticket");
    }

    @Test
    void aLinkUpClearsTheAlarmAndTheActiveAlarmListDropsIt() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, 11);
            app.awaitList("/api/v1/alarms", alarms -> alarms.stream().anyMatch(a -> a.get("resource").equals("ifIndex.11")));
            sender.link(TrapSender.LINK_UP, 11);
        }
        app.awaitList("/api/v1/alarms", alarms -> alarms.stream().noneMatch(a -> a.get("resource").equals("ifIndex.11")));
    }

    @Test
    void netSnmpSnmptrapWithMibNamesOpensATicket() throws Exception {
        noc.support.NetSnmp.assumeInstalled();
        Path snmptrap = Path.of("/usr/bin/snmptrap");
        Path mibs = Path.of("target", "classes", "bundled-mibs");
        Process process = new ProcessBuilder(snmptrap.toString(), "-v", "2c", "-c", "public",
                "-M", mibs.resolve("ietf") + ":" + mibs.resolve("iana"), "-m", "IF-MIB",
                "127.0.0.1:" + app.snmpPort(), "", "IF-MIB::linkDown",
                "IF-MIB::ifIndex.21", "i", "21", "IF-MIB::ifAdminStatus.21", "i", "1",
                "IF-MIB::ifOperStatus.21", "i", "2")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as("snmptrap said: %s", output).isZero();

        List<Map<String, Object>> alarms = app.awaitList("/api/v1/alarms",
                list -> list.stream().anyMatch(a -> a.get("resource").equals("ifIndex.21")));
        assertThat(alarms).filteredOn(a -> a.get("resource").equals("ifIndex.21")).singleElement()
                .satisfies(alarm -> {
                    assertThat(alarm).containsEntry("name", "IF-MIB::linkDown");
                    assertThat(alarm.get("ticketReference").toString()).startsWith("INC-");
                    assertThat(alarm.get("varbinds")).asInstanceOf(
                            org.assertj.core.api.InstanceOfAssertFactories.MAP)
                            .containsEntry("ifOperStatus.21", "down(2)");
                });
    }

    @Test
    void aResentInformIsAnsweredAgainButCountedOnce() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            assertThat(sender.informLinkDown("192.0.2.77", 9, 424242)).isTrue();
            assertThat(sender.informLinkDown("192.0.2.77", 9, 424242)).as("the resend is answered too").isTrue();
        }
        List<Map<String, Object>> alarms = app.awaitList("/api/v1/alarms",
                list -> list.stream().anyMatch(a -> a.get("source").equals("192.0.2.77")));
        assertThat(alarms).filteredOn(a -> a.get("source").equals("192.0.2.77")).singleElement()
                .satisfies(a -> assertThat(((Number) a.get("count")).intValue()).isEqualTo(1));
        assertThat(MetricsReader.value(app, "noc_snmp_traps_dropped_total", "reason=\"duplicate_inform\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnknownTicketIsA404ProblemAndABadStatusA400() throws IOException {
        var missing = app.get("/api/v1/tickets/INC-1999-000001");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("\"status\":404").contains("INC-1999-000001");

        var bad = app.get("/api/v1/tickets?status=pending");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"status\"");
    }

    @Test
    void healthAndPrometheusAnswerAndCountTheTraps() {
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
        var metrics = app.get("/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("noc_snmp_traps_received_total").contains("noc_engine_cycles_total");
    }
}
