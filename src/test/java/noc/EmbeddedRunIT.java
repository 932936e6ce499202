package noc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.TrapSender;

/**
 * The run command as a user types it: the application in its own JVM with no database configured
 * starts an embedded MariaDB, closed to anyone without its password and to other hosts, keeps its
 * data across a stop (SIGTERM) and a start, and leaves no process behind: not after a failed start,
 * and not for long after a {@code kill -9}.
 */
class EmbeddedRunIT {

    private static final String ADMIN_PASSWORD = "embedded-run-admin";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withNoDatabaseConfiguredItRunsOnItsOwnAndKeepsTicketsAcrossARestart(@TempDir Path home) throws Exception {
        int httpPort = freePort();
        int snmpPort = freePort();
        Path data = home.resolve("data");

        Process first = start(home, data, httpPort, snmpPort);
        String ticket;
        try {
            awaitHealthy(httpPort, first);
            try (TrapSender sender = new TrapSender(snmpPort)) {
                sender.link(TrapSender.LINK_DOWN, 3);
            }
            assertThat(anonymousStatus(httpPort, "/api/v1/tickets")).as("anonymous read").isEqualTo(401);
            ticket = await(httpPort, "/api/v1/tickets", body -> body.contains("INC-"));

            // A second correlator on the same data folder gives up and leaves the first one's database alone.
            int otherPort = freePort();
            Process intruder = start(home, data, otherPort, freePort());
            assertThat(intruder.waitFor(120, TimeUnit.SECONDS)).as("the second start gave up").isTrue();
            assertThat(intruder.exitValue()).as("its exit code").isNotZero();
            assertThat(Files.readString(log(home, otherPort))).contains("another correlator is running");
            assertThat(get(httpPort, "/api/v1/tickets").statusCode()).as("the first one still answers").isEqualTo(200);
        } finally {
            stop(first);
        }
        assertThat(first.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(Files.isDirectory(data.resolve("mariadb"))).isTrue();

        Process second = start(home, data, httpPort, snmpPort);
        try {
            awaitHealthy(httpPort, second);
            try (TrapSender sender = new TrapSender(snmpPort)) {
                sender.link(TrapSender.LINK_DOWN, 3);
            }
            String alarms = await(httpPort, "/api/v1/alarms", body -> body.contains("\"count\":2"));
            assertThat(alarms).contains(ticket.substring(ticket.indexOf("INC-"), ticket.indexOf("INC-") + 15));
        } finally {
            stop(second);
        }
        assertThat(mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void theEmbeddedDatabaseListensOnLoopbackOnlyAndRefusesALoginWithoutItsPassword(@TempDir Path home)
            throws Exception {
        int httpPort = freePort();
        int databasePort = freePort();
        Path data = home.resolve("data");

        Process run = start(home, data, httpPort, freePort(), "--noc.embedded-database.port=" + databasePort);
        try {
            awaitHealthy(httpPort, run);
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
            }
            assertThat(Files.readString(log(home, httpPort))).contains("listens on 127.0.0.1:" + databasePort + " only")
                    .doesNotContain(Files.readString(passwordFile).strip());
        } finally {
            stop(run);
        }
        assertThat(mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void afterAKill9OfTheApplicationTheNextStartStopsTheDatabaseItLeftAndComesUp(@TempDir Path home) throws Exception {
        int httpPort = freePort();
        int snmpPort = freePort();
        Path data = home.resolve("data");

        Process killed = start(home, data, httpPort, snmpPort);
        try {
            awaitHealthy(httpPort, killed);
        } finally {
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            killed.waitFor(30, TimeUnit.SECONDS);
        }
        List<Long> left = mariadbProcessesUsing(data);
        assertThat(left).as("the mariadbd the killed JVM left").hasSize(1);

        Process next = start(home, data, httpPort, snmpPort);
        try {
            awaitHealthy(httpPort, next);
            assertThat(ProcessHandle.of(left.get(0)).filter(ProcessHandle::isAlive)).as("the left mariadbd").isEmpty();
            assertThat(Files.readString(log(home, httpPort))).contains("(PID " + left.get(0) + ")");
        } finally {
            stop(next);
        }
        assertThat(mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    @Test
    void aStartThatFailsOnceTheDatabaseIsUpExitsNonZeroAndLeavesNoDatabaseRunning(@TempDir Path home)
            throws Exception {
        Path data = home.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process run = start(home, data, taken.getLocalPort(), freePort());
            if (!run.waitFor(120, TimeUnit.SECONDS)) {
                run.destroyForcibly();
                throw new AssertionError("the correlator did not give up on a taken HTTP port within 120 s");
            }
            assertThat(run.exitValue()).as("exit code").isNotZero();
            assertThat(Files.readString(log(home, taken.getLocalPort()))).as("the database was up")
                    .contains("Embedded MariaDB listens on 127.0.0.1:");
        }
        assertThat(mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

    private static Process start(Path home, Path data, int httpPort, int snmpPort, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "noc.Application",
                "--micronaut.server.port=" + httpPort, "--noc.snmp.port=" + snmpPort,
                "--noc.snmp.bind-address=127.0.0.1", "--noc.embedded-database.directory=" + data,
                "--noc.rules.directory=" + Path.of("rules").toAbsolutePath(),
                "--noc.mibs.directories=" + Path.of("mibs").toAbsolutePath()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(home, httpPort).toFile()));
        builder.environment().put("NOC_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder.start();
    }

    /** Where the run on {@code httpPort} writes its log (one file per run and port, appended to). */
    private static Path log(Path home, int httpPort) {
        return home.resolve("correlator-" + httpPort + ".log");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM, as Ctrl-C or a service manager would
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the correlator did not stop within 60 s of SIGTERM");
        }
    }

    private void awaitHealthy(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the correlator exited while starting").isTrue();
            try {
                if (get(port, "/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the correlator did not become healthy in 90 s");
    }

    private String await(int port, String path, java.util.function.Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = get(port, path).body();
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never matched; last: " + body);
    }

    /** GETs {@code path}; the API as the admin the environment's bootstrap password made. */
    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + login(port));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(int port) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": \""
                        + ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("admin login: %s", answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
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

    private static List<Long> mariadbProcessesUsing(Path data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(data.toString()))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
