package noc.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestDatabase;

/** Multi-row statements of a few fixed sizes, on a real MariaDB with statements prepared on the server. */
class MultiRowInsertIT {

    private static Map<String, Object> database;

    private final MultiRowInsert<Integer> insert = new MultiRowInsert<>("INSERT INTO numbers (n, label) VALUES",
            "ON DUPLICATE KEY UPDATE label = VALUES(label)", 2, (statement, index, n) -> {
                statement.setInt(index, n);
                statement.setString(index + 1, "n" + n);
                return index + 2;
            });

    @BeforeAll
    static void createTable() throws SQLException {
        database = TestDatabase.fresh("multirow");
        TestDatabase.execute(database, "CREATE TABLE numbers (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " n INT NOT NULL UNIQUE, label VARCHAR(16) NOT NULL)");
    }

    @Test
    void theStatementSizesAreTheFullOneAndPowersOfTwo() {
        assertEquals(List.of(), sizes(0));
        assertEquals(List.of(1), sizes(1));
        assertEquals(List.of(64, 32, 16, 8, 4, 2, 1), sizes(127));
        assertEquals(List.of(128), sizes(128));
        assertEquals(List.of(128, 1), sizes(129));
        assertEquals(List.of(128, 128, 32, 8, 4), sizes(300));
    }

    @Test
    void everyRowIsWrittenInItsOrderAndTheSizesArePreparedOnceEach() throws SQLException {
        try (Connection connection = serverPrepared()) {
            List<Integer> first = IntStream.range(0, 300).boxed().toList();
            insert.write(connection, first);
            long preparedAfterFirst = prepared(connection);
            // Another cycle, of other rows but sizes met already (128, 32, 8, 4): the driver reuses
            // what the server prepared.
            insert.write(connection, IntStream.range(300, 472).boxed().toList());
            assertEquals(preparedAfterFirst, prepared(connection), "statements prepared again");
            // A size not met yet (a 1-row tail is prepared once more), and the upsert of existing rows.
            insert.write(connection, IntStream.range(0, 301).boxed().toList());
            assertEquals(472, countRows(connection));
            assertEquals(IntStream.range(0, 472).boxed().toList(), numbersById(connection));
        }
    }

    private static List<Integer> sizes(int rows) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = rows; left > 0; left -= MultiRowInsert.statementSize(left)) {
            sizes.add(MultiRowInsert.statementSize(left));
        }
        return sizes;
    }

    private static Connection serverPrepared() throws SQLException {
        return DriverManager.getConnection(database.get("datasources.default.url") + "?useServerPrepStmts=true",
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")));
    }

    private static long prepared(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'")) {
            rows.next();
            return rows.getLong(2);
        }
    }

    private static long countRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM numbers")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Integer> numbersById(Connection connection) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM numbers ORDER BY id")) {
            while (rows.next()) {
                numbers.add(rows.getInt(1));
            }
        }
        return numbers;
    }
}
