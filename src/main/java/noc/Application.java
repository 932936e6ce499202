package noc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.LoggerFactory;

import io.micronaut.context.ApplicationContext;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.Micronaut;
import noc.cluster.ClusterConfiguration;
import noc.cluster.Role;
import noc.configuration.ConfigurationFiles;
import noc.configuration.DataFolders;
import noc.database.EmbeddedDatabase;
import noc.database.EmbeddedDatabaseInUse;

/**
 * Starts the correlator. Without {@code datasources.default.url} it first starts an embedded
 * MariaDB keeping its data under {@code noc.embedded-database.directory} (default {@code data};
 * not for a collector, which owns no database: {@link Role#impliedSettings()}), so that
 * {@code java -jar} works on a machine with nothing else installed; the image's jar, built
 * without the embedded MariaDB, exits with what to configure instead. The {@code application.yml}
 * files beside the jar, in the working directory and in {@code ./config/} are read on top of the
 * built-in configuration, in that order ({@link ConfigurationFiles}).
 * {@code java -jar noc-correlator.jar loadgen ...} runs the trap load generator instead,
 * {@code loadgen-alerts ...} the Alertmanager webhook load generator, and
 * {@code java -jar noc-correlator.jar rules test <folder>} the rule scenarios of a rules folder.
 */
@OpenAPIDefinition(
        info = @Info(title = "noc-correlator", version = "1",
                description = "Alarms in, tickets out: the REST API of the NOC correlator. Every operation names "
                        + "the roles that may call it; send a login token or an API token as a bearer token."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT or noc_ API token")
public class Application {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("loadgen")) {
            noc.tools.LoadGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("loadgen-alerts")) {
            noc.tools.AlertLoadGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rules")) {
            System.exit(noc.engine.scenario.RulesCommand.run(
                    java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        ConfigurationFiles files = ConfigurationFiles.ofThisProcess();
        List<PropertySource> sources;
        try {
            sources = files.read();
        } catch (IllegalStateException e) {
            LoggerFactory.getLogger(Application.class).error("Startup failed: {}", e.getMessage());
            System.exit(1);
            return;
        }
        LoggerFactory.getLogger(Application.class).info("{}", files.describe());
        Map<String, Object> extra = Map.of();
        List<Object> singletons = new ArrayList<>();
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        try (ApplicationContext probe = ApplicationContext.builder().args(args).deduceEnvironment(false)
                .propertySources(sources.toArray(PropertySource[]::new)).build()) {
            Environment environment = probe.getEnvironment().start();
            Role role = Role.ALL;
            try {
                role = ClusterConfiguration.check(environment.getProperty("noc.role", String.class).orElse("all"),
                        environment.getProperty("noc.cluster.kafka.bootstrap-servers", String.class).orElse(""));
            } catch (IllegalArgumentException e) {
                // before any database: a node refused its role neither migrates one nor makes an embedded one
                LoggerFactory.getLogger(Application.class).error("Startup failed: {}", e.getMessage());
                System.exit(1);
            }
            extra = new HashMap<>(role.impliedSettings());
            // a collector owns no database: none is started for it, whatever the configuration says
            if (role != Role.COLLECTOR
                    && environment.getProperty("datasources.default.url", String.class).isEmpty()) {
                if (role == Role.ENGINE) {
                    // engines share one MariaDB (offsets, fences, tickets): one of its own would re-apply
                    // every record its partitions ever held and fence nobody
                    LoggerFactory.getLogger(Application.class).error("Startup failed: noc.role engine needs "
                            + "datasources.default.url (and .username, .password): the MariaDB every engine shares");
                    System.exit(1);
                }
                if (!EmbeddedDatabase.bundled()) {
                    // the image's jar, started without its database: the message says it all, a trace would bury it
                    LoggerFactory.getLogger(Application.class).error(EmbeddedDatabase.NOT_BUNDLED);
                    System.exit(1);
                }
                Path directory = Path.of(environment.getProperty("noc.embedded-database.directory", String.class)
                        .orElse("data")).toAbsolutePath().normalize();
                int port = environment.getProperty("noc.embedded-database.port", Integer.class).orElse(0);
                String bufferPool = environment.getProperty("noc.embedded-database.buffer-pool-size", String.class)
                        .orElse(EmbeddedDatabase.DEFAULT_BUFFER_POOL);
                boolean empty = DataFolders.holdsNoDatabase(directory);
                EmbeddedDatabase embedded;
                try {
                    embedded = EmbeddedDatabase.start(directory, port, bufferPool);
                } catch (IllegalArgumentException e) {
                    LoggerFactory.getLogger(Application.class).error(e.getMessage());
                    System.exit(1);
                    return;
                }
                stopOnExit(embedded, started);
                if (empty) {
                    DataFolders.reportCreated(directory,
                            DataFolders.elsewhere(directory, ConfigurationFiles.launchedJar()));
                }
                extra.putAll(Map.of("datasources.default.url", embedded.jdbcUrl("noc"),
                        "datasources.default.username", embedded.username(),
                        "datasources.default.password", embedded.password()));
                singletons.add(new EmbeddedDatabaseInUse(directory, embedded.port()));
            }
        }
        try {
            // A failed start (HTTP port taken, a bad rule file) ends in System.exit, inside Micronaut or
            // below: the hook stops the database then.
            started.set(Micronaut.build(args).mainClass(Application.class)
                    .propertySources(sources.toArray(PropertySource[]::new)).properties(extra)
                    .singletons(singletons.toArray()).start());
        } catch (RuntimeException | Error e) {
            // Threads the half-started application left would keep the JVM (and so mariadbd) alive.
            LoggerFactory.getLogger(Application.class).error("Startup failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    /**
     * Stops the embedded database when the JVM exits, however it does, from the moment it is up.
     * Micronaut's own hook stops a started application, which commits its last cycle on the way out:
     * the database stops once that is done.
     */
    private static void stopOnExit(EmbeddedDatabase database, AtomicReference<ApplicationContext> started) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ApplicationContext context = started.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (context != null && context.isRunning() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            database.close();
        }, "embedded-mariadb-stop"));
    }
}
