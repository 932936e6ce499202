package noc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.TrapSender;

/**
 * The run command as a user types it: the application in its own JVM with no database configured
 * starts an embedded MariaDB, keeps its data across a stop (SIGTERM) and a start, and leaves no
 * process behind.
 */
class EmbeddedRunIT {

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
            ticket = await(httpPort, "/api/v1/tickets", body -> body.contains("INC-"));
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

    private static Process start(Path home, Path data, int httpPort, int snmpPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "noc.Application",
                "--micronaut.server.port=" + httpPort, "--noc.snmp.port=" + snmpPort,
                "--noc.snmp.bind-address=127.0.0.1", "--noc.embedded-database.directory=" + data,
                "--noc.rules.directory=" + Path.of("rules").toAbsolutePath(),
                "--noc.mibs.directories=" + Path.of("mibs").toAbsolutePath()));
        return new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("correlator-" + httpPort + "-" + System.nanoTime() + ".log").toFile())
                .start();
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

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
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
