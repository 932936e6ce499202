package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import noc.database.JsonColumns;
import noc.database.Times;
import noc.support.Await;
import noc.support.Mailbox;
import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebhookReceiver;
import noc.ticket.TicketStore;

/**
 * Issue #14, point 3: correlators sharing one MariaDB send each notification once. Two applications
 * on one test database, each with its deliverer, stand for two processes; emails go to a real SMTP
 * server and webhooks to a real HTTP receiver in the test JVM. Rows due in 2100 are never due for the
 * running deliverers: the tests that claim them by hand, at times they choose, have them to themselves.
 */
class OutboxClaimsIT {

    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    private static Mailbox smtp;
    private static Map<String, Object> database;
    private static TestApplication first;
    private static TestApplication second;

    @BeforeAll
    static void start() {
        smtp = new Mailbox();
        database = TestDatabase.fresh("outbox_claims");
        first = TestApplication.start(database, settings("node-a"));
        second = TestApplication.start(database, settings("node-b"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {second, first, smtp}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Object> settings(String node) {
        return Map.of("noc.node-id", node,
                "noc.locale", "en",
                "noc.notify.email.host", "127.0.0.1",
                "noc.notify.email.port", smtp.port(),
                "noc.notify.email.from", "noc@provider.example");
    }

    @Test
    void twoProcessesDeliverEachOfSixHundredDueNotificationsExactlyOnce() throws Exception {
        int each = 300;
        try (WebhookReceiver hook = new WebhookReceiver()) {
            double countedBefore = deliveredCount(first) + deliveredCount(second);
            List<Notification> notifications = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 1; i <= each; i++) {
                String reference = String.format("INC-2099-%06d", i);
                notifications.add(new Notification(reference, Notification.Channel.EMAIL,
                        "person-" + i + "@example.com", "OPENED", email(reference), now));
                notifications.add(new Notification(reference, Notification.Channel.WEBHOOK, hook.url(), "OPENED",
                        "{\"ticket\":\"" + reference + "\"}", now));
            }
            enqueue(notifications, null);
            Map<Long, String> channelOfId = rows("INC-2099-%");
            assertThat(channelOfId).hasSize(2 * each);

            // counted after each row is marked delivered: once both counts reach 600, no send is left
            Await.until(Duration.ofSeconds(90), "600 deliveries counted by the two processes",
                    () -> deliveredCount(first) + deliveredCount(second) - countedBefore >= 2 * each);

            List<String> emailed = new ArrayList<>();
            for (MimeMessage message : smtp.messages()) {
                String id = header(message, "X-NOC-Notification");
                if (id != null && channelOfId.containsKey(Long.parseLong(id))) {
                    emailed.add(id);
                }
            }
            assertThat(emailed).as("each email notification sent once").containsExactlyInAnyOrderElementsOf(
                    ids(channelOfId, "EMAIL").stream().map(String::valueOf).toList());
            assertThat(hook.requests()).extracting(WebhookReceiver.Request::idempotencyKey)
                    .as("each webhook notification sent once").containsExactlyInAnyOrderElementsOf(
                            ids(channelOfId, "WEBHOOK").stream().map(id -> "noc-outbox-" + id).toList());
            assertThat(deliveredCount(first) + deliveredCount(second) - countedBefore).isEqualTo(2.0 * each);
            assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM outbox WHERE ticket_reference LIKE "
                    + "'INC-2099-%' AND delivered_at IS NOT NULL AND attempts = 1 AND claimed_until IS NULL"))
                    .isEqualTo(2L * each);
            assertThat(deliveredBy("INC-2099-%")).as("both processes delivered: they raced")
                    .containsOnlyKeys("node-a", "node-b");
        }
    }

    @Test
    void claimsThatTwoProcessesMakeAtOnceNeverShareARow() throws Exception {
        int count = 200;
        List<Notification> notifications = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            notifications.add(new Notification(String.format("INC-2098-%06d", i), Notification.Channel.WEBHOOK,
                    "http://127.0.0.1:9/hook", "OPENED", "{}", LATER));
        }
        enqueue(notifications, null);
        List<Outbox> processes = List.of(outbox(first, "claimer-a"), outbox(second, "claimer-b"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> claimers = new ArrayList<>();
            for (Outbox outbox : processes) {
                for (int thread = 0; thread < 2; thread++) {
                    claimers.add(threads.submit(() -> {
                        go.await();
                        List<Long> claimed = new ArrayList<>();
                        List<Outbox.Pending> taken;
                        do {
                            taken = outbox.claim(LATER, Notification.Channel.WEBHOOK, 7, Duration.ofHours(1));
                            taken.forEach(pending -> claimed.add(pending.id()));
                        } while (!taken.isEmpty() && claimed.size() <= count); // bounded, should rows come twice
                        return claimed;
                    }));
                }
            }
            go.countDown();
            List<Long> claimed = new ArrayList<>();
            for (Future<List<Long>> claimer : claimers) {
                claimed.addAll(claimer.get());
            }
            assertThat(claimed).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(rows("INC-2098-%").keySet());
            assertThat(deliveredBy("INC-2098-%").keySet()).isEqualTo(java.util.Set.of("claimer-a", "claimer-b"));
            assertThat(processes.get(0).claim(LATER, Notification.Channel.WEBHOOK, 7, Duration.ofHours(1)))
                    .as("every row is held until its lease ends").isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverAndItsHolderNoLongerRecordsAnOutcome() throws Exception {
        Instant at = LATER.plus(Duration.ofDays(1));
        enqueue(List.of(new Notification("INC-2097-000001", Notification.Channel.WEBHOOK, "http://127.0.0.1:9/hook",
                "OPENED", "{}", at)), null);
        Outbox holder = outbox(first, "holder");
        Outbox other = outbox(second, "other");
        Duration lease = Duration.ofMinutes(2);

        List<Outbox.Pending> held = holder.claim(at, Notification.Channel.WEBHOOK, 10, lease);
        assertThat(held).hasSize(1);
        assertThat(other.claim(at.plus(Duration.ofMinutes(1)), Notification.Channel.WEBHOOK, 10, lease))
                .as("held while the lease runs").isEmpty();
        List<Outbox.Pending> takenOver = other.claim(at.plus(lease), Notification.Channel.WEBHOOK, 10, lease);
        assertThat(takenOver).extracting(Outbox.Pending::id).containsExactly(held.get(0).id());

        Outbox.Pending late = held.get(0);
        assertThat(holder.delivered(late, at.plus(lease))).isFalse();
        assertThat(holder.scheduleRetry(late, at.plus(lease), "late")).isFalse();
        assertThat(holder.failed(late, at.plus(lease), "late")).isFalse();
        Instant delivered = at.plus(lease).plusSeconds(1);
        assertThat(other.delivered(takenOver.get(0), delivered)).isTrue();

        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT delivered_at, failed_at, attempts, claimed_by, last_error "
                     + "FROM outbox WHERE ticket_reference = 'INC-2097-000001'")) {
            assertThat(row.next()).isTrue();
            assertThat(Times.fromColumn(row, 1)).isEqualTo(delivered);
            assertThat(row.getObject(2)).isNull();
            assertThat(row.getInt(3)).isEqualTo(1);
            assertThat(row.getString(4)).isEqualTo("other");
            assertThat(row.getString(5)).isNull();
        }
    }

    @Test
    void theNotificationOfAProcessThatDiedHoldingItsClaimIsSentOnceTheLeaseRunsOut() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver()) {
            Instant now = Instant.now();
            Instant leaseEnd = now.plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            enqueue(List.of(new Notification("INC-2096-000001", Notification.Channel.WEBHOOK, hook.url(), "OPENED",
                    "{\"ticket\":\"INC-2096-000001\"}", now)), leaseEnd);
            long id = rows("INC-2096-%").keySet().iterator().next();

            hook.await("the notification of the dead process", r -> r.idempotencyKey().equals("noc-outbox-" + id));
            Await.until(Duration.ofSeconds(10), "the notification marked delivered",
                    () -> TestDatabase.count(database, "SELECT COUNT(*) FROM outbox WHERE id = " + id
                            + " AND delivered_at IS NOT NULL") == 1);
            assertThat(hook.requests()).hasSize(1);
            try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT delivered_at, attempts, claimed_by FROM outbox WHERE id = " + id)) {
                assertThat(row.next()).isTrue();
                assertThat(Times.fromColumn(row, 1)).as("not before the dead process's lease ran out")
                        .isAfterOrEqualTo(leaseEnd);
                assertThat(row.getInt(2)).isEqualTo(1);
                assertThat(row.getString(3)).isIn("node-a", "node-b");
            }
        }
    }

    private static double deliveredCount(TestApplication app) {
        return MetricsReader.value(app, "noc_notify_deliveries_total", "channel=\"email\",result=\"delivered\"")
                + MetricsReader.value(app, "noc_notify_deliveries_total", "channel=\"webhook\",result=\"delivered\"");
    }

    private static String email(String reference) {
        return first.context().getBean(JsonColumns.class).write(new EmailMessage("opened", "",
                Map.of("reference", reference, "title", "Link down", "priority", "P3"), null));
    }

    /**
     * Writes {@code notifications} in one transaction, as an engine cycle does; with {@code claimedUntil},
     * claimed in it by a process named {@code node-dead}, as if that process had claimed them and died.
     */
    private static void enqueue(List<Notification> notifications, Instant claimedUntil) throws Exception {
        try (Connection connection = TestDatabase.connect(database)) {
            connection.setAutoCommit(false);
            first.context().getBean(Outbox.class).enqueue(connection, notifications);
            if (claimedUntil != null) {
                try (PreparedStatement claim = connection.prepareStatement(
                        "UPDATE outbox SET claimed_by = 'node-dead', claimed_until = ? WHERE id >= LAST_INSERT_ID()")) {
                    claim.setObject(1, Times.toColumn(claimedUntil));
                    claim.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** The outbox rows of tickets like {@code reference}: id and channel. */
    private static Map<Long, String> rows(String reference) throws Exception {
        return pairs("SELECT id, channel FROM outbox WHERE ticket_reference LIKE ?", reference,
                (row, map) -> map.put(row.getLong(1), row.getString(2)));
    }

    /** How many rows of tickets like {@code reference} each process claimed last. */
    private static Map<String, Long> deliveredBy(String reference) throws Exception {
        return pairs("SELECT claimed_by, COUNT(*) FROM outbox WHERE ticket_reference LIKE ? GROUP BY claimed_by",
                reference, (row, map) -> map.put(row.getString(1), row.getLong(2)));
    }

    /** What {@code sql}, given {@code reference}, answers, each row put in a map by {@code put}. */
    private static <K, V> Map<K, V> pairs(String sql, String reference, RowPut<K, V> put) throws Exception {
        Map<K, V> pairs = new HashMap<>();
        try (Connection connection = TestDatabase.connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, reference);
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    put.put(found, pairs);
                }
            }
        }
        return pairs;
    }

    @FunctionalInterface
    private interface RowPut<K, V> {
        void put(ResultSet row, Map<K, V> map) throws SQLException;
    }

    private static List<Long> ids(Map<Long, String> channelOfId, String channel) {
        return channelOfId.entrySet().stream().filter(e -> e.getValue().equals(channel)).map(Map.Entry::getKey)
                .toList();
    }

    /** Another process's outbox on the same database, named {@code node}. */
    @SuppressWarnings("unchecked")
    private static Outbox outbox(TestApplication app, String node) {
        TransactionOperations<Connection> transactions = app.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return new Outbox(transactions, app.context().getBean(TicketStore.class), node);
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }
}
