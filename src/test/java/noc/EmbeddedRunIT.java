package noc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.Await;
import noc.support.CorrelatorProcess;
import noc.support.Ports;
import noc.support.SilentServer;
import noc.support.TrapSender;

/**
 * The run command as a user types it: the application in its own JVM with no database configured
 * starts an embedded MariaDB, closed to anyone without its password and to other hosts, keeps its
 * data across a stop (SIGTERM) and a start, and leaves no process behind: not after a failed start,
 * and not for long after a {@code kill -9}.
 */
class EmbeddedRunIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withNoDatabaseConfiguredItRunsOnItsOwnAndKeepsTicketsAcrossARestart(@TempDir Path home) throws Exception {
        int httpPort = Ports.free();
        int snmpPort = Ports.free();
        Path data = home.resolve("data");

        CorrelatorProcess first = start(home, data, httpPort, snmpPort);
        String ticket;
        try {
            first.awaitHealthy();
            try (TrapSender sender = new TrapSender(snmpPort)) {
                sender.link(TrapSender.LINK_DOWN, 3);
            }
            assertThat(anonymousStatus(httpPort, "/api/v1/tickets")).as("anonymous read").isEqualTo(401);
            ticket = await(first, "/api/v1/tickets", body -> body.contains("INC-"));

            // A second correlator on the same data folder gives up and leaves the first one's database alone.
            int otherPort = Ports.free();
            CorrelatorProcess intruder = start(home, data, otherPort, Ports.free());
            assertThat(intruder.process().waitFor(120, TimeUnit.SECONDS)).as("the second start gave up").isTrue();
            assertThat(intruder.process().exitValue()).as("its exit code").isNotZero();
            assertThat(Files.readString(log(home, otherPort))).contains("another correlator is running");
            assertThat(first.get("/api/v1/tickets").statusCode()).as("the first one still answers").isEqualTo(200);
        } finally {
            first.stop();
        }
        assertThat(first.process().exitValue()).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(Files.isDirectory(data.resolve("mariadb"))).isTrue();

        CorrelatorProcess second = start(home, data, httpPort, snmpPort);
        try {
            second.awaitHealthy();
            try (TrapSender sender = new TrapSender(snmpPort)) {
                sender.link(TrapSender.LINK_DOWN, 3);
            }
            String alarms = await(second, "/api/v1/alarms", body -> body.contains("\"count\":2"));
            assertThat(alarms).contains(ticket.substring(ticket.indexOf("INC-"), ticket.indexOf("INC-") + 15));
        } finally {
            second.stop();
        }
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void theEmbeddedDatabaseListensOnLoopbackOnlyAndRefusesALoginWithoutItsPassword(@TempDir Path home)
            throws Exception {
        int httpPort = Ports.free();
        int databasePort = Ports.free();
        Path data = home.resolve("data");

        CorrelatorProcess run = start(home, data, httpPort, Ports.free(),
                "--noc.embedded-database.port=" + databasePort, "--noc.embedded-database.buffer-pool-size=256M");
        try {
            run.awaitHealthy();
            assertThat(listeningAddresses(databasePort)).as("addresses mariadbd listens on").isNotEmpty()
                    .allMatch(LOOPBACK::contains);
            Path passwordFile = data.resolve("mariadb-password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrderElementsOf(
                    PosixFilePermissions.fromString("rw-------"));
            String url = "jdbc:mariadb://127.0.0.1:" + databasePort + "/noc";
            for (String user : List.of("root", "anyone")) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close())
                        .as("a login as %s without a password", user).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Access denied");
            }
            try (Connection connection = DriverManager.getConnection(url, "root",
                    Files.readString(passwordFile).strip()); Statement statement = connection.createStatement();
                 ResultSet tickets = statement.executeQuery("SELECT COUNT(*) FROM ticket")) {
                assertThat(tickets.next()).as("the password of the file opens it").isTrue();
                try (ResultSet pool = statement.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                    pool.next();
                    assertThat(pool.getLong(1)).as("the buffer pool configured").isEqualTo(256L << 20);
                }
            }
            assertThat(Files.readString(log(home, httpPort))).contains("listens on 127.0.0.1:" + databasePort + " only")
                    .doesNotContain(Files.readString(passwordFile).strip());
        } finally {
            run.stop();
        }
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void afterAKill9OfTheApplicationTheNextStartStopsTheDatabaseItLeftAndComesUp(@TempDir Path home) throws Exception {
        int httpPort = Ports.free();
        int snmpPort = Ports.free();
        Path data = home.resolve("data");

        CorrelatorProcess killed = start(home, data, httpPort, snmpPort);
        try {
            killed.awaitHealthy();
        } finally {
            killed.kill(); // SIGKILL: no shutdown hook runs
        }
        List<Long> left = CorrelatorProcess.mariadbProcessesUsing(data);
        assertThat(left).as("the mariadbd the killed JVM left").hasSize(1);

        CorrelatorProcess next = start(home, data, httpPort, snmpPort);
        try {
            next.awaitHealthy();
            assertThat(ProcessHandle.of(left.get(0)).filter(ProcessHandle::isAlive)).as("the left mariadbd").isEmpty();
            assertThat(Files.readString(log(home, httpPort))).contains("(PID " + left.get(0) + ")");
        } finally {
            next.stop();
        }
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void aStartThatFailsOnceTheDatabaseIsUpExitsNonZeroAndLeavesNoDatabaseRunning(@TempDir Path home)
            throws Exception {
        Path data = home.resolve("data");
        try (SilentServer taken = new SilentServer()) {
            CorrelatorProcess run = start(home, data, taken.port(), Ports.free());
            if (!run.process().waitFor(120, TimeUnit.SECONDS)) {
                run.process().destroyForcibly();
                throw new AssertionError("the correlator did not give up on a taken HTTP port within 120 s");
            }
            assertThat(run.process().exitValue()).as("exit code").isNotZero();
            assertThat(Files.readString(log(home, taken.port()))).as("the database was up")
                    .contains("Embedded MariaDB listens on 127.0.0.1:");
        }
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void aBufferPoolThatIsNotASizeIsRefusedBeforeTheDatabaseStarts(@TempDir Path home) throws Exception {
        Path data = home.resolve("data");
        int httpPort = Ports.free();
        CorrelatorProcess run = start(home, data, httpPort, Ports.free(),
                "--noc.embedded-database.buffer-pool-size=lots");
        if (!run.process().waitFor(120, TimeUnit.SECONDS)) {
            run.process().destroyForcibly();
            throw new AssertionError("the correlator did not refuse its buffer pool size within 120 s");
        }
        assertThat(run.process().exitValue()).as("exit code").isNotZero();
        assertThat(Files.readString(log(home, httpPort)))
                .contains("noc.embedded-database.buffer-pool-size must be a size such as 512M", ": lots")
                .doesNotContain("Embedded MariaDB listens on");
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    private static CorrelatorProcess start(Path home, Path data, int httpPort, int snmpPort, String... more) {
        return CorrelatorProcess.start(home, data, httpPort, snmpPort, more);
    }

    private static Path log(Path home, int httpPort) {
        return CorrelatorProcess.log(home, httpPort);
    }

    private static String await(CorrelatorProcess run, String path, Predicate<String> condition) {
        return Await.value(Duration.ofSeconds(20), "GET " + path + " to match", () -> run.get(path).body(), condition);
    }

    private int anonymousStatus(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** 127.0.0.1 in /proc/net/tcp, and as ::1 or ::ffff:127.0.0.1 in /proc/net/tcp6. */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");

    /** The local addresses of the sockets listening on TCP {@code port}, as the kernel writes them. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) { // below the header
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) { // 0A: LISTEN
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }
}
