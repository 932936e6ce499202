package noc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import noc.database.EmbeddedDatabase;

/**
 * Starts the correlator. Without {@code datasources.default.url} it first starts an embedded
 * MariaDB keeping its data under {@code noc.embedded-database.directory} (default {@code data}),
 * so that {@code java -jar} works on a machine with nothing else installed. An
 * {@code application.yml} in the working directory is read on top of the built-in configuration.
 * {@code java -jar noc-correlator.jar loadgen ...} runs the load generator instead, and
 * {@code java -jar noc-correlator.jar rules test <folder>} the rule scenarios of a rules folder.
 */
public class Application {

    private static final String LOCAL_CONFIGURATION = "application.yml";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("loadgen")) {
            noc.tools.LoadGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rules")) {
            System.exit(noc.engine.scenario.RulesCommand.run(
                    java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        // An application.yml in the working directory overrides the built-in configuration.
        if (System.getProperty("micronaut.config.files") == null && System.getenv("MICRONAUT_CONFIG_FILES") == null
                && Files.isRegularFile(Path.of(LOCAL_CONFIGURATION))) {
            System.setProperty("micronaut.config.files", Path.of(LOCAL_CONFIGURATION).toAbsolutePath().toString());
        }
        Map<String, Object> extra = Map.of();
        EmbeddedDatabase embedded = null;
        try (ApplicationContext probe = ApplicationContext.builder().args(args).deduceEnvironment(false).build()) {
            Environment environment = probe.getEnvironment().start();
            if (environment.getProperty("datasources.default.url", String.class).isEmpty()) {
                Path directory = Path.of(environment.getProperty("noc.embedded-database.directory", String.class)
                        .orElse("data"));
                int port = environment.getProperty("noc.embedded-database.port", Integer.class).orElse(0);
                embedded = EmbeddedDatabase.start(directory, port);
                extra = Map.of("datasources.default.url", embedded.jdbcUrl("noc"),
                        "datasources.default.username", "root",
                        "datasources.default.password", "");
            }
        }
        ApplicationContext context;
        try {
            context = Micronaut.build(args).mainClass(Application.class).properties(extra).start();
        } catch (RuntimeException | Error e) {
            if (embedded != null) {
                embedded.close(); // else mariadbd would outlive us, holding the data folder
            }
            throw e;
        }
        if (embedded != null) {
            EmbeddedDatabase database = embedded;
            // Micronaut's own hook stops the application, which commits its last cycle on the way
            // out; the database stops once that is done.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
                while (context.isRunning() && System.nanoTime() < deadline) {
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
}
