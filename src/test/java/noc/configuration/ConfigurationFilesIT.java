package noc.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.CorrelatorProcess;
import noc.support.Ports;

/**
 * The correlator started as {@code java -jar /elsewhere/noc-correlator.jar} from a working directory
 * that is not the jar's: the {@code application.yml} beside the jar, the one in the working directory
 * and the one in {@code ./config/} all take effect, a later one over an earlier one, environment
 * variables over them and the command line over those; its log says which files it read and the
 * settings it runs on, with no secret, every folder absolute, and a warning for the new, empty
 * database it made while another one waits beside the jar. One run serves every test.
 */
class ConfigurationFilesIT {

    private static final String EMAIL_PASSWORD = "smtp-pass-beside-the-jar";
    private static final String WEBHOOK_PASSWORD = "hook-userinfo-pass";
    private static final String WEBHOOK_PATH_KEY = "PathKeyXyz123";
    private static final String WEBHOOK_TOKEN = "query-token-456";
    private static final String USM_PASSPHRASE = "usm-auth-passphrase";
    private static final String LINK_SECRET = "link-signing-secret-789";

    @TempDir
    static Path root;
    private static Path app;
    private static Path work;
    private static int httpPort;
    private static int snmpPort;
    private static CorrelatorProcess correlator;

    @BeforeAll
    static void startFromAJarElsewhere() throws IOException {
        app = root.resolve("app");
        work = root.resolve("work");
        httpPort = Ports.free();
        snmpPort = Ports.free();
        Path jar = CorrelatorProcess.launcherJar(app);
        // a database beside the jar, which this start does not use
        Files.createDirectories(app.resolve("data").resolve("mariadb"));
        Files.createDirectories(work.resolve("config"));
        for (String folder : new String[] {"rules", "mibs", "templates"}) {
            Files.createSymbolicLink(work.resolve(folder), Path.of(folder).toAbsolutePath());
        }
        Files.writeString(app.resolve("application.yml"), """
                micronaut:
                  server:
                    port: %d
                noc:
                  notify:
                    public-url: https://beside-the-jar.example.net
                    link-secret: %s
                    webhooks:
                      - https://noc:%s@chat.example.com/services/T01/%s?token=%s
                    email:
                      host: 127.0.0.1
                      port: 2525
                      from: beside-the-jar@example.net
                      username: mailer
                      password: %s
                  snmp:
                    usm-users:
                      - name: collector
                        auth-passphrase: %s
                """.formatted(httpPort, LINK_SECRET, WEBHOOK_PASSWORD, WEBHOOK_PATH_KEY, WEBHOOK_TOKEN, EMAIL_PASSWORD,
                USM_PASSPHRASE));
        Files.writeString(work.resolve("application.yml"), """
                noc:
                  notify:
                    public-url: https://working-directory.example.net
                    email:
                      port: 2526
                      from: working-directory@example.net
                """);
        Files.writeString(work.resolve("config").resolve("application.yml"), """
                noc:
                  notify:
                    public-url: https://config-folder.example.net
                    email:
                      port: 2527
                """);
        correlator = CorrelatorProcess.startJar(jar, work, work.resolve("data"), httpPort, snmpPort,
                Map.of("NOC_NOTIFY_PUBLIC_URL", "https://environment.example.net",
                        "NOC_SNMP_PORT", String.valueOf(Ports.free())),
                "--noc.snmp.port=" + snmpPort);
        correlator.awaitHealthy();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (correlator != null) {
            correlator.close();
        }
    }

    @Test
    void theFileBesideTheJarTakesEffectAndTheLogSaysItWasRead() {
        // awaitHealthy answered on the HTTP port that only the file beside the jar sets
        assertThat(correlator.logText())
                .contains(app.resolve("application.yml") + " (beside the jar, read)")
                .contains(work.resolve("application.yml") + " (in the working directory, read)")
                .contains(work.resolve("config").resolve("application.yml") + " (in ./config/, read)")
                .contains("HTTP on 127.0.0.1:" + httpPort);
    }

    @Test
    void aLaterFileOverridesAnEarlierOneAndTheEnvironmentAndTheCommandLineOverrideFiles() {
        assertThat(correlator.logText())
                .contains("email: SMTP 127.0.0.1:2527 without STARTTLS, from working-directory@example.net, "
                        + "user mailer, password ****; links in emails start with https://environment.example.net")
                .contains("SNMP on UDP 127.0.0.1:" + snmpPort + ",");
    }

    @Test
    void theLogShowsTheSettingsOfEachPartWithSecretsMasked() {
        assertThat(correlator.logText())
                .contains("SNMPv3 users: 1")
                .contains("webhooks: 1: https://****@chat.example.com/****?token=****")
                .contains("cluster: role=all")
                .contains("security: OpenID Connect off")
                .contains("TLS off")
                .contains("email link key: configured")
                .contains("database: embedded MariaDB, its data in " + work.resolve("data"));
    }

    @Test
    void noPasswordTokenOrKeyReachesTheLog() throws IOException {
        String databasePassword = Files.readString(work.resolve("data").resolve("mariadb-password")).strip();
        assertThat(correlator.logText()).doesNotContain(EMAIL_PASSWORD, WEBHOOK_PASSWORD, WEBHOOK_PATH_KEY,
                WEBHOOK_TOKEN, USM_PASSPHRASE, LINK_SECRET, CorrelatorProcess.ADMIN_PASSWORD, databasePassword);
    }

    @Test
    void relativeFoldersAreLoggedAsAbsolutePathsInTheWorkingDirectory() {
        assertThat(correlator.logText())
                .contains("rules " + work.resolve("rules") + ",")
                .contains("MIBs " + work.resolve("mibs") + ",")
                .contains("templates " + work.resolve("templates") + ",")
                .contains("embedded database " + work.resolve("data"));
    }

    @Test
    void aNewEmptyDatabaseMadeWhileAnotherWaitsBesideTheJarIsWarnedAbout() {
        assertThat(correlator.logText()).containsPattern("WARN .*Created a new, empty database in "
                + Pattern.quote(work.resolve("data") + "; another data folder with a database exists in ["
                        + app.resolve("data") + "]"));
    }
}
