package noc.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import noc.database.EmbeddedDatabase;

/**
 * The MariaDB the tests use: the server named by {@code -Dnoc.test.database.url} (with
 * {@code .username} and {@code .password}), else the one on 127.0.0.1:3306 when it answers, else an
 * embedded one started once for the test JVM. Each test gets a database of its own on it.
 */
public final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Server server;

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
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of("target", "test-mariadb"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            server = new Server("jdbc:mariadb://127.0.0.1:" + embedded.port(), embedded.username(),
                    embedded.password());
        }
        return server;
    }

    /** Creates an empty database and returns the datasource properties that reach it. */
    public static Map<String, Object> fresh(String purpose) {
        Server server = server();
        String name = "noc_test_" + purpose + "_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.url() + "/", server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
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
