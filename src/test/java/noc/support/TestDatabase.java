package noc.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import noc.database.EmbeddedDatabase;

/**
 * The MariaDB the tests use: the server named by {@code -Dnoc.test.database.url} (with
 * {@code .username} and {@code .password}), else the one on 127.0.0.1:3306 when it answers, else an
 * embedded one started once for the test JVM. Each test gets a database of its own on it, named
 * after this JVM's PID, and dropped as the JVM ends: several test JVMs may share one server, and each
 * drops only its own (and the leftovers of JVMs that died an hour ago or more without dropping theirs).
 */
public final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern NAME = Pattern.compile("noc_test_.*_(\\d+)_\\d+");
    /** How old a dead JVM's leftover must be before another JVM drops it. */
    private static final int LEFTOVER_MINUTES = 60;
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static Server server;
    private static EmbeddedDatabase embedded;

    private TestDatabase() {
    }

    private record Server(String url, String username, String password) {
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String configured = System.getProperty("noc.test.database.url", System.getenv("NOC_TEST_DATABASE_URL"));
        if (configured != null && !configured.isBlank()) {
            server = new Server(configured.replaceAll("/+$", ""),
                    System.getProperty("noc.test.database.username", "root"),
                    System.getProperty("noc.test.database.password", ""));
        } else if (answers("127.0.0.1", 3306) && canLogIn("jdbc:mariadb://127.0.0.1:3306", "root", "")) {
            server = new Server("jdbc:mariadb://127.0.0.1:3306", "root", "");
        } else {
            embedded = EmbeddedDatabase.start(Path.of("target", "test-mariadb"), 0);
            server = new Server("jdbc:mariadb://127.0.0.1:" + embedded.port(), embedded.username(),
                    embedded.password());
        }
        Server chosen = server;
        EmbeddedDatabase started = embedded;
        dropLeftovers(chosen);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dropCreated(chosen);
            if (started != null) {
                started.close();
            }
        }, "drop-test-databases"));
        return server;
    }

    private static Connection connect(Server server) throws SQLException {
        Connection connection = DriverManager.getConnection(server.url() + "/", server.username(), server.password());
        try (Statement statement = connection.createStatement()) {
            // an application left running holds metadata locks: give up rather than hang the JVM's exit
            statement.execute("SET SESSION lock_wait_timeout = 10");
        }
        return connection;
    }

    /** Drops the databases this JVM created (the applications on them are closed or dying with it). */
    private static void dropCreated(Server server) {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    System.err.println("Cannot drop test database " + name + ": " + e);
                }
            }
        } catch (SQLException e) {
            System.err.println("Cannot drop this JVM's test databases " + CREATED + ": " + e);
        }
    }

    /**
     * Drops the test databases of JVMs that are gone (killed before their shutdown hook ran), once
     * their newest table is an hour old: a JVM in another PID namespace may look gone while it runs.
     */
    private static void dropLeftovers(Server server) {
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    SELECT s.schema_name FROM information_schema.schemata s
                    JOIN information_schema.tables t ON t.table_schema = s.schema_name
                    WHERE s.schema_name LIKE 'noc\\_test\\_%%'
                    GROUP BY s.schema_name
                    HAVING MAX(t.create_time) < NOW() - INTERVAL %d MINUTE""".formatted(LEFTOVER_MINUTES))) {
                while (rows.next()) {
                    Matcher name = NAME.matcher(rows.getString(1));
                    if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                        leftovers.add(rows.getString(1));
                    }
                }
            }
            for (String name : leftovers) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException | NumberFormatException e) {
            System.err.println("Cannot drop leftover test databases " + leftovers + ": " + e);
        }
    }

    /** Creates an empty database and returns the datasource properties that reach it. */
    public static Map<String, Object> fresh(String purpose) {
        Server server = server();
        String name = "noc_test_" + purpose + "_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.url() + "/", server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.url(), e);
        }
        return Map.of("datasources.default.url", server.url() + "/" + name,
                "datasources.default.username", server.username(),
                "datasources.default.password", server.password());
    }

    /**
     * A connection to a database made by {@link #fresh}, for what a test does beside the application:
     * triggers, table locks, counts. The caller closes it.
     */
    public static Connection connect(Map<String, Object> database) throws SQLException {
        return DriverManager.getConnection(String.valueOf(database.get("datasources.default.url")),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")));
    }

    /** Runs {@code statements} on a database made by {@link #fresh}. */
    public static void execute(Map<String, Object> database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The number a {@code SELECT COUNT(*) ...} answers on a database made by {@link #fresh}. */
    public static long count(Map<String, Object> database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canLogIn(String url, String username, String password) {
        try (Connection ignored = DriverManager.getConnection(url + "/", username, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
