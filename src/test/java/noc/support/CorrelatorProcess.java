package noc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application as a user runs it: {@code noc.Application} from the test classpath in a JVM of its
 * own, with no database configured (so on the embedded MariaDB in {@code data}), the shipped rules and
 * MIBs, and {@link #ADMIN_PASSWORD} for the first admin. Its own JVM is what lets a test stop it with
 * SIGTERM or kill it with SIGKILL. It logs to {@link #log}, one file per run and HTTP port, appended to.
 * {@link #startJar} runs it from a jar instead, as {@code java -jar} does, for what depends on where
 * the jar is.
 */
public final class CorrelatorProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "embedded-run-admin";
    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded MariaDB listens on 127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;
    private final Path data;
    private final int httpPort;
    private final int snmpPort;
    private final Process process;
    private String adminToken;

    private CorrelatorProcess(Path home, Path data, int httpPort, int snmpPort, Process process) {
        this.home = home;
        this.data = data;
        this.httpPort = httpPort;
        this.snmpPort = snmpPort;
        this.process = process;
    }

    /** Starts it in {@code home} on {@code data}, HTTP and SNMP on 127.0.0.1; {@code more} are more arguments. */
    public static CorrelatorProcess start(Path home, Path data, int httpPort, int snmpPort, String... more) {
        return startOn(System.getProperty("java.class.path"), home, data, httpPort, snmpPort, more);
    }

    /** As {@link #start}, on {@code classpath} instead of the test classpath: a jar's contents, say. */
    public static CorrelatorProcess startOn(String classpath, Path home, Path data, int httpPort, int snmpPort,
                                            String... more) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "noc.Application",
                "--micronaut.server.port=" + httpPort, "--noc.snmp.port=" + snmpPort,
                "--noc.snmp.bind-address=127.0.0.1", "--noc.embedded-database.directory=" + data,
                "--noc.rules.directory=" + Path.of("rules").toAbsolutePath(),
                "--noc.mibs.directories=" + Path.of("mibs").toAbsolutePath()));
        command.addAll(List.of(more));
        return launch(command, home, data, httpPort, snmpPort, Map.of());
    }

    /**
     * Starts it as {@code java -jar jar arguments...} in {@code home}, with {@code environment} added to
     * the environment: nothing else is set (no port, no folder), so that the test's configuration files
     * and arguments decide. The test names {@code httpPort}, {@code snmpPort} and {@code data} as its
     * configuration sets them. The jar is one {@link #launcherJar} made.
     */
    public static CorrelatorProcess startJar(Path jar, Path home, Path data, int httpPort, int snmpPort,
                                             Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return launch(command, home, data, httpPort, snmpPort, environment);
    }

    /**
     * Writes {@code folder/noc-correlator.jar}, a jar that runs the application as the built one does
     * ({@code java -jar}) but holds only a manifest: its class path is this test's, so that a test can
     * place a jar where it likes without packaging the application.
     */
    public static Path launcherJar(Path folder) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, "noc.Application");
        attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" ")));
        Path jar = folder.resolve("noc-correlator.jar");
        try {
            Files.createDirectories(folder);
            try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                // a manifest only
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return jar;
    }

    private static CorrelatorProcess launch(List<String> command, Path home, Path data, int httpPort, int snmpPort,
                                            Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(home, httpPort).toFile()));
        builder.environment().put("NOC_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        try {
            return new CorrelatorProcess(home, data, httpPort, snmpPort, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Where the run on {@code httpPort} in {@code home} writes its log. */
    public static Path log(Path home, int httpPort) {
        return home.resolve("correlator-" + httpPort + ".log");
    }

    public Path log() {
        return log(home, httpPort);
    }

    public String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    public int snmpPort() {
        return snmpPort;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Waits, for at most 90 s, until /health answers 200, failing if the process exits meanwhile. */
    public CorrelatorProcess awaitHealthy() {
        Await.value(Duration.ofSeconds(90), "/health answering 200 (see " + log() + ")", this::healthStatus,
                status -> status.equals(200));
        return this;
    }

    /** The status /health answers, or "not listening" while it does not; fails once the process exited. */
    private Object healthStatus() {
        assertThat(process.isAlive()).as("the correlator exited while starting; see %s", log()).isTrue();
        try {
            return send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build()).statusCode();
        } catch (UncheckedIOException e) {
            return "not listening";
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager would, then waits for the exit (at most 60 s). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the correlator did not stop within 60 s of SIGTERM");
        }
    }

    /** SIGKILL: no shutdown hook runs, the embedded mariadbd is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the correlator survived SIGKILL for 30 s");
        }
    }

    /** Stops it if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** GETs {@code path}; under /api/ as the first admin. */
    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + adminToken());
        }
        return send(request.build());
    }

    /** The first admin's login token (made once per run); it holds every role, intake included. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": \""
                            + ADMIN_PASSWORD + "\"}")).build());
            assertThat(answer.statusCode()).as("admin login: %s", answer.body()).isEqualTo(200);
            adminToken = answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }
        return adminToken;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The port of the embedded MariaDB of this run, from its log line. */
    public int databasePort() {
        Matcher matcher = DATABASE_PORT.matcher(logText());
        int port = -1;
        while (matcher.find()) {
            port = Integer.parseInt(matcher.group(1)); // the last start's, should the log hold several
        }
        if (port < 0) {
            throw new AssertionError("no embedded MariaDB port in " + log());
        }
        return port;
    }

    /** A JDBC connection to its database, as root with the password kept in the data folder. */
    public Connection database() throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + databasePort() + "/noc", "root",
                    Files.readString(data.resolve("mariadb-password")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mariadbd processes running on {@code data}. */
    public static List<Long> mariadbProcessesUsing(Path data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(data.toString()))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
