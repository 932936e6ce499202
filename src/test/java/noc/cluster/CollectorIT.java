package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.Router;
import noc.alarm.AlarmEvent;
import noc.configuration.EffectiveSettings;
import noc.engine.Engine;
import noc.engine.EngineQueue;
import noc.inventory.Device;
import noc.inventory.InventoryChanged;
import noc.inventory.InventoryItem;
import noc.inventory.InventorySnapshot;
import noc.inventory.Site;
import noc.security.ApiToken;
import noc.security.ApiTokens;
import noc.support.ApiClient;
import noc.support.Await;
import noc.support.CorrelatorProcess;
import noc.support.KafkaBroker;
import noc.support.MetricsReader;
import noc.support.Ports;
import noc.support.TestApplication;
import noc.support.TopicReader;
import noc.support.TrapSender;

/**
 * A collector ({@code noc.role: collector}) on a real Kafka broker, with its database pointed at a
 * port nothing listens on: it starts and serves the intakes, {@code /health} and {@code /prometheus}
 * all the same, keys each alarm by the correlation domain the directory topic gives its source (which
 * an engine's {@link DirectoryPublisher} published from an inventory before it started, and changes
 * while it runs), answers an inform and an HTTP request once Kafka acknowledged their records, and
 * refuses with 503, counted as {@code kafka_unavailable}, once the broker is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = "noc-inputs";
    private static final Site PARIS = new Site("Paris", null, "1 rue de Rivoli", "paris-pop");
    private static final Site LYON = new Site("Lyon", null, "2 place Bellecour", null);
    private static final Device ROUTER_PARIS = new Device("router-paris", "Paris", null, List.of("192.0.2.10"), List.of());
    private static final Device ROUTER_LYON = new Device("router-lyon", "Lyon", null, List.of("192.0.2.20"), List.of());
    private static final String INTAKE = ApiTokens.newSecret();
    private static final String METRICS = ApiTokens.newSecret();
    private static final String REVOKED = ApiTokens.newSecret();

    private static KafkaBroker broker;
    private static DirectoryPublisher engineSide;
    private static final AtomicReference<List<InventoryItem>> inventory = new AtomicReference<>(
            List.of(PARIS, LYON, ROUTER_PARIS, ROUTER_LYON));
    private static final AtomicReference<Map<String, ApiToken>> tokens = new AtomicReference<>(
            tokens(token("collector-intake", INTAKE, noc.security.Role.INTAKE),
                    token("prometheus", METRICS, noc.security.Role.METRICS),
                    token("old-intake", REVOKED, noc.security.Role.INTAKE)));
    private static TestApplication collector;
    private static TopicReader inputs;
    private static TrapSender traps;
    private static InputRecords records;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
        ClusterConfiguration cluster = new ClusterConfiguration("all", broker.bootstrapServers(), TOPIC, 4, 1, "noc-engines",
                Duration.ofSeconds(10), Duration.ofSeconds(10), null);
        DirectoryRecords directory = new DirectoryRecords(JsonMapper.createDefault());
        engineSide = new DirectoryPublisher(cluster, inventory::get, tokens::get, directory, Duration.ofMinutes(10));
        try (TopicReader published = awaitTopic(cluster.directoryTopic())) {
            published.await(WAIT, "the engine's directory entry of 192.0.2.10",
                    record -> record.key().equals("address:192.0.2.10"));
        }
        collector = TestApplication.start(Map.of("datasources.default.url",
                        "jdbc:mariadb://127.0.0.1:" + Ports.free() + "/noc", "datasources.default.username", "nobody"),
                Map.of("noc.role", "collector", "noc.cluster.kafka.bootstrap-servers", broker.bootstrapServers(),
                        "noc.cluster.topic", TOPIC, "noc.cluster.partitions", 4,
                        "noc.cluster.collector.delivery-timeout", "3s"));
        inputs = new TopicReader(broker, TOPIC);
        traps = new TrapSender(collector.snmpPort());
        records = collector.context().getBean(InputRecords.class);
    }

    /** The directory topic, once the publisher made it. */
    private static TopicReader awaitTopic(String topic) {
        return Await.value(WAIT, "the topic " + topic, () -> {
            try {
                return new TopicReader(broker, topic);
            } catch (RuntimeException e) {
                return null;
            }
        }, reader -> reader != null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (traps != null) {
            traps.close();
        }
        if (inputs != null) {
            inputs.close();
        }
        if (collector != null) {
            collector.close();
        }
        if (engineSide != null) {
            engineSide.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static ApiToken token(String name, String secret, noc.security.Role role) {
        return new ApiToken(name, ApiTokens.hash(secret), Set.of(role), "admin", Instant.parse("2026-12-01T08:00:00Z"),
                null);
    }

    private static Map<String, ApiToken> tokens(ApiToken... made) {
        Map<String, ApiToken> byHash = new java.util.HashMap<>();
        for (ApiToken token : made) {
            byHash.put(token.tokenHash(), token);
        }
        return Map.copyOf(byHash);
    }

    /** The first record, keyed {@code key}, whose alarm {@code wanted} takes. */
    private static ConsumerRecord<String, byte[]> awaitAlarm(String key, String what,
                                                              java.util.function.Predicate<AlarmEvent> wanted) {
        return inputs.await(WAIT, what + " keyed " + key, record -> record.key().equals(key)
                && alarms(record).stream().anyMatch(wanted));
    }

    @SuppressWarnings("unchecked")
    private static List<AlarmEvent> alarms(ConsumerRecord<String, byte[]> record) {
        Object input = records.read(record.value());
        return input instanceof AlarmEvent one ? List.of(one) : (List<AlarmEvent>) input;
    }

    private static String alertmanager(String... instances) {
        StringBuilder alerts = new StringBuilder();
        for (String instance : instances) {
            alerts.append(alerts.isEmpty() ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"NodeDown","instance":"%s","severity":"critical"},
                     "annotations":{},"startsAt":"2026-03-02T08:00:00Z","endsAt":"0001-01-01T00:00:00Z",
                     "fingerprint":"fp-%s"}""".formatted(instance, instance));
        }
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"NodeDown\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"noc","groupLabels":{},"commonLabels":{},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","alerts":[%s]}""".formatted(alerts);
    }

    @Test
    @Order(0)
    void theApplicationStartsACollectorWithoutMakingADatabase(@TempDir Path home) throws Exception {
        Path data = home.resolve("data");
        try (CorrelatorProcess process = CorrelatorProcess.start(home, data, Ports.free(), Ports.free(),
                "--noc.role=collector", "--noc.cluster.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--noc.cluster.topic=" + TOPIC, "--noc.cluster.partitions=4")) {
            process.awaitHealthy();
            assertThat(process.logText()).contains("Settings in effect, database: none (a collector owns no database)")
                    .doesNotContain("Embedded MariaDB");
            process.stop();
        }
        assertThat(Files.exists(data)).as("an embedded database in %s", data).isFalse();
    }

    @Test
    @Order(1)
    void itStartsWithoutADatabaseAndServesOnlyTheIntakesHealthAndMetrics() {
        assertThat(collector.context().getBeansOfType(DataSource.class)).as("data sources").isEmpty();
        assertThat(collector.context().containsBean(Engine.class)).as("an engine").isFalse();
        assertThat(collector.context().containsBean(EngineQueue.class)).as("an engine queue").isFalse();
        Set<String> routes = new TreeSet<>();
        collector.context().getBean(Router.class).uriRoutes().filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(route -> routes.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate()));
        assertThat(routes).containsExactly("GET /api/v1/mibs", "GET /health", "GET /health/{selector}",
                "GET /prometheus", "POST /api/v1/alarms", "POST /api/v1/alertmanager");

        HttpResponse<String> health = collector.anonymous().get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"kafka\":\"acknowledging\"",
                "\"directorySources\":4", "\"directoryLastChange\"");
        assertThat(collector.context().getBean(EffectiveSettings.class).lines())
                .contains("database: none (a collector owns no database)");
        HttpResponse<String> metrics = collector.withToken(METRICS).get("/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("noc_snmp_traps_dropped_total{reason=\"kafka_unavailable\"} 0.0",
                "noc_intake_requests_rejected_total{intake=\"alertmanager\",reason=\"kafka_unavailable\"} 0.0",
                // two devices, each by name and address
                "noc_cluster_directory_entries{kind=\"address\"} 4.0",
                "noc_cluster_directory_entries{kind=\"token\"} 3.0");
        assertThat(metrics.body()).doesNotContain("queue_full", "noc_engine_", "noc_tickets_open")
                .contains("# HELP noc_cluster_directory_entries A collector's entries of the directory topic");
        assertThat(collector.anonymous().post("/login", "{}").statusCode()).as("a login").isEqualTo(404);
        assertThat(collector.anonymous().get("/swagger-ui/index.html").statusCode()).as("Swagger UI").isEqualTo(404);
        assertThat(collector.anonymous().get("/console/console.css").statusCode()).as("the console's style")
                .isEqualTo(404);
        assertThat(collector.withToken(INTAKE).get("/prometheus").statusCode()).as("metrics as intake").isEqualTo(403);
    }

    @Test
    @Order(2)
    void aTrapFromAnAddressOfTheDirectoryIsKeyedByItsDomain() {
        traps.link(TrapSender.LINK_DOWN, "192.0.2.10", 3);

        ConsumerRecord<String, byte[]> record = awaitAlarm("paris-pop", "the linkDown of 192.0.2.10",
                alarm -> alarm.source().equals("192.0.2.10") && alarm.name().equals("IF-MIB::linkDown"));
        assertThat(record.partition()).isEqualTo(Partitions.of("paris-pop", 4));
        assertThat(alarms(record)).singleElement().satisfies(alarm -> assertThat(alarm.resource()).isEqualTo("ifIndex.3"));
    }

    @Test
    @Order(3)
    void aTrapFromASourceTheDirectoryDoesNotKnowIsKeyedByItsAddress() {
        traps.link(TrapSender.LINK_DOWN, 4); // about the sender itself, 127.0.0.1

        awaitAlarm("address:127.0.0.1", "the linkDown of 127.0.0.1", alarm -> alarm.source().equals("127.0.0.1"));
    }

    @Test
    @Order(4)
    void anInformIsAnsweredOnceKafkaHasItsRecord() {
        assertThat(traps.informLinkDown("192.0.2.20", 5, 4242)).as("the inform answered").isTrue();

        // answered after the acknowledgement: the record is in the topic already
        assertThat(inputs.toEnd()).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("Lyon");
            assertThat(alarms(record)).anySatisfy(alarm -> assertThat(alarm.resource()).isEqualTo("ifIndex.5"));
        });
    }

    @Test
    @Order(5)
    void anAlertmanagerPostAcrossTwoDomainsIsOneRecordPerDomainAnsweredOnceBothAreAcknowledged() {
        HttpResponse<String> answer = collector.withToken(INTAKE).post("/api/v1/alertmanager",
                alertmanager("192.0.2.10", "192.0.2.20", "192.0.2.10"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"accepted\":3}");
        // acknowledged, so in the topic; but one poll may bring one partition's records only
        List<ConsumerRecord<String, byte[]>> sent = inputs.toEnd().stream()
                .filter(record -> alarms(record).stream().anyMatch(alarm -> alarm.name().equals("NodeDown"))).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent).filteredOn(record -> record.key().equals("paris-pop")).singleElement()
                .satisfies(record -> assertThat(alarms(record)).extracting(AlarmEvent::reductionKey)
                        .containsExactly("alertmanager|fp-192.0.2.10", "alertmanager|fp-192.0.2.10"));
        assertThat(sent).filteredOn(record -> record.key().equals("Lyon")).singleElement()
                .satisfies(record -> assertThat(alarms(record)).extracting(AlarmEvent::source)
                        .containsExactly("192.0.2.20"));
        assertThat(records.read(sent.get(0).value())).as("an alarms record").isInstanceOf(List.class);
    }

    @Test
    @Order(6)
    void whatTheEnginesPublishWhileItRunsKeysTheNextAlarmsAndRevokesTokens() {
        assertThat(collector.withToken(REVOKED).post("/api/v1/alarms", "[]").statusCode()).as("let in, then refused "
                + "for its empty list").isEqualTo(400);
        Device newcomer = new Device("switch-paris", "Paris", null, List.of("192.0.2.30"), List.of());
        inventory.set(List.of(PARIS, LYON, ROUTER_PARIS, newcomer)); // router-lyon leaves the inventory
        tokens.set(tokens(token("collector-intake", INTAKE, noc.security.Role.INTAKE),
                token("prometheus", METRICS, noc.security.Role.METRICS)));
        engineSide.onApplicationEvent(new InventoryChanged(new InventorySnapshot(inventory.get())));
        DirectoryFollower directory = collector.context().getBean(DirectoryFollower.class);
        Await.until(WAIT, "the collector to learn 192.0.2.30 and forget 192.0.2.20",
                () -> directory.domainOf("192.0.2.30").equals("paris-pop")
                        && directory.domainOf("192.0.2.20").equals("address:192.0.2.20"));

        traps.link(TrapSender.LINK_DOWN, "192.0.2.30", 7);
        traps.link(TrapSender.LINK_DOWN, "192.0.2.20", 8);

        awaitAlarm("paris-pop", "the linkDown of the newcomer", alarm -> alarm.source().equals("192.0.2.30"));
        awaitAlarm("address:192.0.2.20", "the linkDown of the device gone", alarm -> alarm.resource().equals("ifIndex.8"));
        Await.until(WAIT, "the revoked token refused", () -> collector.withToken(REVOKED)
                .post("/api/v1/alarms", "[]").statusCode() == 401);
    }

    @Test
    @Order(7)
    void withKafkaGoneAnAlarmIsRefusedWith503AndCountedAndAnInformIsNotAnswered() {
        ApiClient scraper = collector.withToken(METRICS);
        broker.close();

        HttpResponse<String> answer = collector.withToken(INTAKE).post("/api/v1/alarms", """
                {"source": "192.0.2.10", "name": "BgpDown", "severity": "major"}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // refused at once (the producer lost the topic's partitions with the broker), or once the record
        // was not acknowledged within the delivery timeout (3 s): either way not accepted
        assertThat(answer.body()).contains("\"status\":503")
                .containsPattern("Kafka did not (take|acknowledge) the alarms");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(MetricsReader.value(scraper, "noc_intake_requests_rejected_total",
                "intake=\"generic\",reason=\"kafka_unavailable\"")).isEqualTo(1);
        assertThat(traps.informLinkDown("192.0.2.10", 9, 4343)).as("an inform answered").isFalse();
        HttpResponse<String> health = collector.anonymous().get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("not acknowledging since");
    }
}
