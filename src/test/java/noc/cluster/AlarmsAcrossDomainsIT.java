package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.EngineSessions;
import noc.support.Events;
import noc.support.InputTopic;
import noc.support.KafkaBroker;
import noc.support.StoredRows;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * A customer service carried by devices of two correlation domains, each owned by another engine, on
 * a real broker and MariaDB: the link down of the device away from the service's home is ticketed in
 * the home's session (the access travels as a record), learns its ticket back, and the second access
 * down makes the ticket a P1 as in one process; after the home's engine stops, the other engine
 * rebuilds the home's session with the access it holds, and the access's clear reaches its ticket. A
 * maintenance window over two homes on two engines takes the alarms of both, across a rebuild too.
 * (A device and its parent in two domains go the same way: ScenarioDomainsTest decides that case split
 * and in one session alike.)
 */
class AlarmsAcrossDomainsIT {

    private static final int PARTITIONS = 4;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Map<String, Object> engine(String topic, String node) {
        return broker.engineSettings(topic, node, PARTITIONS, Map.of());
    }

    /** The first domain named {@code prefix}N that goes to a partition {@code node} owns. */
    private static String domainOn(EngineNode node, String prefix) {
        return IntStream.range(0, 1_000).mapToObj(i -> prefix + i)
                .filter(domain -> node.partitions().contains(Partitions.of(domain, PARTITIONS))).findFirst()
                .orElseThrow();
    }

    private static Object alarmColumn(Map<String, Object> database, String column, String source) throws Exception {
        List<List<Object>> rows = StoredRows.select(database, "SELECT " + column + " FROM alarm WHERE source = ?",
                source);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    @Test
    void aServiceOfTwoDomainsOnTwoEnginesGetsOneTicketInItsHomeAsInOneProcess() throws Exception {
        String topic = "inputs-services";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_services");
        try (InputTopic inputs = new InputTopic(broker, topic);
             TestApplication first = TestApplication.start(database, engine(topic, "engine-1"))) {
            EngineNode one = first.context().getBean(EngineNode.class);
            Await.until(WITHIN, "the first engine to own every partition", () -> one.partitions().size() == PARTITIONS);
            String away;
            try (TestApplication second = TestApplication.start(database, engine(topic, "engine-2"))) {
                EngineNode two = second.context().getBean(EngineNode.class);
                Await.until(WITHIN, "both engines to own partitions", () -> !one.partitions().isEmpty()
                        && !two.partitions().isEmpty() && one.partitions().size() + two.partitions().size() == PARTITIONS);
                String home = domainOn(two, "paris-");
                away = domainOn(one, "lyon-");

                var imported = first.post("/api/v1/inventory/import", """
                        {"customers": [{"name": "Acme", "contract": "standard"}],
                         "sites": [{"name": "Acme Paris", "customer": "Acme", "address": "Paris", "domain": "%s"},
                                   {"name": "Acme Lyon", "customer": "Acme", "address": "Lyon", "domain": "%s"}],
                         "services": [{"reference": "ACME-VPN-2", "customer": "Acme", "criticality": "high",
                                       "redundant": true, "site": "Acme Paris"}],
                         "devices": [{"name": "cpe-paris", "site": "Acme Paris", "addresses": ["192.0.2.41"],
                                      "services": ["ACME-VPN-2"]},
                                     {"name": "cpe-lyon", "site": "Acme Lyon", "addresses": ["192.0.2.42"],
                                      "services": ["ACME-VPN-2"]}]}""".formatted(home, away));
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
                EngineSessions.awaitInventory(one, 2);
                EngineSessions.awaitInventory(two, 2);

                long sent = System.nanoTime();
                inputs.publish(List.of(Events.linkDown("192.0.2.42", 1, Instant.now())), event -> away);
                Map<String, Object> ticket = first.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0);
                System.out.printf("AlarmsAcrossDomainsIT: the away link down's ticket stood at the home %d ms "
                        + "after the record was published%n", (System.nanoTime() - sent) / 1_000_000);
                assertThat(ticket).containsEntry("priority", "P2")
                        .containsEntry("title", "Link down on cpe-lyon (192.0.2.42)");
                String reference = (String) ticket.get("reference");
                Await.until(WITHIN, "the alarm to learn its ticket",
                        () -> reference.equals(alarmColumn(database, "ticket_reference", "192.0.2.42")));

                inputs.publish(List.of(Events.linkDown("192.0.2.41", 1, Instant.now())), event -> home);
                first.awaitList("/api/v1/tickets", list -> list.size() == 1 && "P1".equals(list.get(0).get("priority")));
                assertThat(alarmColumn(database, "ticket_reference", "192.0.2.41")).isEqualTo(reference);
            }
            // The home's engine is gone: the first engine rebuilds its session, with the access it holds.
            Await.until(WITHIN, "the first engine to own every partition again",
                    () -> one.partitions().size() == PARTITIONS);
            inputs.publish(List.of(Events.linkUp("192.0.2.42", 1, Instant.now())), event -> away);
            String reference = (String) first.getPage("/api/v1/tickets").rows().get(0).get("reference");
            Await.until(WITHIN, "the access's clear to reach its ticket", () -> StoredRows.select(database,
                    "SELECT COUNT(*) FROM ticket_journal WHERE ticket_reference = ? AND action = 'ALARM_CLEARED'",
                    reference).get(0).get(0) instanceof Number cleared && cleared.longValue() == 1);
            assertThat(alarmColumn(database, "state", "192.0.2.42")).isEqualTo("CLEARED");
            assertThat(first.getPage("/api/v1/tickets").rows()).hasSize(1);
        }
    }

    /**
     * A window over two POPs of no group, each its own home, on two engines: it lives in the least home,
     * on the first engine, which tells the second's session of it; the second's link down under it lands
     * on its P5 ticket. The second engine stops: the first rebuilds that session from MariaDB (the window
     * it was told of, the alarm it sent there), and the clear of that link down still reaches the
     * window's ticket, while a new link down under the window joins it too.
     */
    @Test
    void aWindowOverTwoHomesOnTwoEnginesTakesTheAlarmsOfBothAndOutlivesARebuild() throws Exception {
        String topic = "inputs-window";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_window");
        try (InputTopic inputs = new InputTopic(broker, topic);
             TestApplication first = TestApplication.start(database, engine(topic, "engine-1"))) {
            EngineNode one = first.context().getBean(EngineNode.class);
            Await.until(WITHIN, "the first engine to own every partition", () -> one.partitions().size() == PARTITIONS);
            String guest;
            String reference;
            try (TestApplication second = TestApplication.start(database, engine(topic, "engine-2"))) {
                EngineNode two = second.context().getBean(EngineNode.class);
                Await.until(WITHIN, "both engines to own partitions", () -> !one.partitions().isEmpty()
                        && !two.partitions().isEmpty() && one.partitions().size() + two.partitions().size() == PARTITIONS);
                String owner = domainOn(one, "lyon-");
                guest = domainOn(two, "nice-");

                var imported = first.post("/api/v1/inventory/import", """
                        {"sites": [{"name": "POP Lyon", "address": "Lyon", "domain": "%s"},
                                   {"name": "POP Nice", "address": "Nice", "domain": "%s"}],
                         "devices": [{"name": "pe-lyon", "site": "POP Lyon", "addresses": ["192.0.2.51"]},
                                     {"name": "pe-nice", "site": "POP Nice", "addresses": ["192.0.2.52"]}]}"""
                        .formatted(owner, guest));
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
                EngineSessions.awaitInventory(one, 2);
                EngineSessions.awaitInventory(two, 2);

                Instant now = Instant.now();
                var planned = first.post("/api/v1/maintenance-windows", """
                        {"title": "Both POPs", "start": "%s", "end": "%s", "scope": {"devices": ["pe-lyon", "pe-nice"]}}"""
                        .formatted(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1))));
                assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
                reference = (String) first.getList("/api/v1/tickets").get(0).get("reference");
                Await.until(WITHIN, "the window told to the guest's session", () -> !StoredRows.select(database,
                        "SELECT 1 FROM window_scope WHERE reference = ? AND domain = ? AND NOT pending", reference,
                        guest).isEmpty());

                inputs.publish(List.of(Events.linkDown("192.0.2.52", 1, Instant.now())), event -> guest);
                String window = reference;
                Await.until(WITHIN, "the guest's link down to learn the window's ticket",
                        () -> window.equals(alarmColumn(database, "ticket_reference", "192.0.2.52")));
                assertThat(first.getList("/api/v1/tickets")).hasSize(1);
            }
            // The guest's engine is gone: the first engine rebuilds its session, which must know the window
            // again and keep sending the alarm sent there.
            Await.until(WITHIN, "the first engine to own every partition again",
                    () -> one.partitions().size() == PARTITIONS);
            inputs.publish(List.of(Events.linkUp("192.0.2.52", 1, Instant.now())), event -> guest);
            Await.until(WITHIN, "the clear to reach the window's ticket", () -> StoredRows.select(database,
                    "SELECT COUNT(*) FROM ticket_journal WHERE ticket_reference = ? AND action = 'ALARM_CLEARED'",
                    reference).get(0).get(0) instanceof Number cleared && cleared.longValue() == 1);
            inputs.publish(List.of(Events.linkDown("192.0.2.52", 2, Instant.now())), event -> guest);
            String window = reference;
            Await.until(WITHIN, "a new link down under the window on its ticket", () -> StoredRows.select(database,
                    "SELECT ticket_reference FROM alarm WHERE source = ? AND state = 'RAISED'", "192.0.2.52").stream()
                    .anyMatch(row -> window.equals(row.get(0))));
            assertThat(first.getList("/api/v1/tickets")).hasSize(1);
        }
    }
}
