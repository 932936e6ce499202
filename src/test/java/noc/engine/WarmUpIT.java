package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import noc.alarm.Alarm;
import noc.domain.SessionStateLoader;
import noc.support.Await;
import noc.support.Mailbox;
import noc.support.StoredRows;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;
import noc.ticket.Ticket;

/**
 * The warm-up at startup (noc.engine.warm-up.*) runs synthetic traffic from the inventory's devices
 * through a throw-away session and rehearses each cycle's write, and leaves no trace: no row, no
 * outbox entry, no committed-events count, no fact in the real session, no ticket reference used.
 */
class WarmUpIT {

    private static final String INVENTORY = """
            {"customers": [{"name": "Acme", "contract": "standard"}],
             "contacts": [{"name": "Alice Durand", "customer": "Acme", "role": "technical", "phone": "+33 1 01",
                           "email": "alice@acme.example"}],
             "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"},
                          {"reference": "ACME-INTERNET-2", "customer": "Acme", "criticality": "high"}],
             "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]},
                         {"name": "acme-cpe-2", "addresses": ["192.0.2.11"], "services": ["ACME-INTERNET-2"]}]}""";
    private static final List<String> TABLES = List.of("alarm", "ticket", "ticket_journal", "outbox",
            "ticket_reference_counter");

    @Test
    void theWarmUpRunsItsTrafficThroughTheRulesAndTheWriteAndLeavesNoTrace() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("warm_up");
        try (Mailbox smtp = new Mailbox()) {
            String first;
            try (TestApplication app = TestApplication.start(database, settings(smtp, 0))) {
                assertThat(app.context().getBean(WarmUp.class).last()).isEqualTo(WarmUp.Report.NONE);
                assertThat(app.post("/api/v1/inventory/import", INVENTORY).statusCode()).isEqualTo(200);
                try (TrapSender sender = new TrapSender(app.snmpPort())) {
                    sender.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
                }
                first = app.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0).get("reference").toString();
                smtp.await("alice@acme.example", "[" + first + "] Incident opened");
                try (Connection connection = StoredRows.connect(database)) {
                    Await.until(Duration.ofSeconds(20), "the outbox delivered", () -> undelivered(connection) == 0);
                }
            }
            Map<String, String> before;
            Map<String, Long> idsBefore;
            long reservedBefore;
            try (Connection connection = StoredRows.connect(database)) {
                before = contents(connection);
                idsBefore = nextIds(connection);
                reservedBefore = lastReserved(connection);
            }

            try (TestApplication app = TestApplication.start(database, settings(smtp, 3000))) {
                WarmUp.Report report = app.context().getBean(WarmUp.class).last();
                assertThat(report.events()).isEqualTo(3000);
                assertThat(report.rehearsed()).isPositive();
                try (Connection connection = StoredRows.connect(database)) {
                    assertThat(contents(connection)).isEqualTo(before);
                    // written, then rolled back: the ids a rolled-back insert took are not given again
                    Map<String, Long> ids = nextIds(connection);
                    assertThat(ids.get("outbox")).isGreaterThan(idsBefore.get("outbox"));
                    assertThat(ids.get("ticket_journal")).isGreaterThan(idsBefore.get("ticket_journal"));
                }
                MeterRegistry meters = app.context().getBean(MeterRegistry.class);
                assertThat(meters.find("noc.engine.events.committed").counters()).isNotEmpty()
                        .allSatisfy(counter -> assertThat(counter.count()).isZero());
                Engine engine = app.context().getBean(Engine.class);
                SessionStateLoader loader = app.context().getBean(SessionStateLoader.class);
                assertThat(engine.facts(Alarm.class)).isEqualTo(loader.load().alarms().size()).isEqualTo(1);
                assertThat(engine.facts(Ticket.class)).isEqualTo(1);

                // the real session hands out the first number of the block it reserves after the first
                // run's, as if no warm-up had opened tickets
                try (TrapSender sender = new TrapSender(app.snmpPort())) {
                    sender.link(TrapSender.LINK_DOWN, "192.0.2.11", 1);
                }
                List<Map<String, Object>> tickets = app.awaitList("/api/v1/tickets", list -> list.size() == 2);
                assertThat(tickets).extracting(t -> t.get("reference").toString())
                        .containsExactlyInAnyOrder(first, withNumber(first, reservedBefore + 1));
                assertThat(meters.find("noc.engine.events.committed").tag("source", "snmp").counter())
                        .extracting(Counter::count).isEqualTo(1.0);
            }
        }
    }

    private static Map<String, Object> settings(Mailbox smtp, int warmUpEvents) {
        return Map.of("noc.engine.warm-up.events", warmUpEvents,
                "noc.locale", "en",
                "noc.notify.email.host", "127.0.0.1",
                "noc.notify.email.port", smtp.port(),
                "noc.notify.email.from", "noc@provider.example");
    }

    private static long undelivered(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The row count and checksum of each table the engine writes. */
    private static Map<String, String> contents(Connection connection) throws SQLException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    contents.put(table + " rows", count.getString(1));
                }
                try (ResultSet checksum = statement.executeQuery("CHECKSUM TABLE " + table)) {
                    checksum.next();
                    contents.put(table + " checksum", checksum.getString(2));
                }
            }
        }
        return contents;
    }

    /** The next AUTO_INCREMENT id of the outbox and the journal. */
    private static Map<String, Long> nextIds(Connection connection) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("outbox", "ticket_journal")) {
                try (ResultSet status = statement.executeQuery("SHOW TABLE STATUS LIKE '" + table + "'")) {
                    status.next();
                    ids.put(table, status.getLong("Auto_increment"));
                }
            }
        }
        return ids;
    }

    /** The last ticket number reserved (of the one year the test opens tickets in). */
    private static long lastReserved(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet counter = statement.executeQuery("SELECT last_value FROM ticket_reference_counter")) {
            counter.next();
            return counter.getLong(1);
        }
    }

    /** {@code reference} with another number, in the same year: INC-2026-000001, 51 → INC-2026-000051. */
    private static String withNumber(String reference, long number) {
        return reference.substring(0, reference.lastIndexOf('-') + 1) + String.format("%06d", number);
    }
}
