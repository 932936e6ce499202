package noc.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * A repeat is written on its alarm row's primary key, the id the store keeps; that id is never taken
 * on trust: a row that is not there is written again, a row under another id is found by its key.
 */
class AlarmRowIdsIT {

    private static Map<String, Object> database;
    private static TestApplication application;
    private static TrapSender sender;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.fresh("alarm_ids");
        application = TestApplication.start(database, Map.of());
        sender = new TrapSender(application.snmpPort());
    }

    @AfterAll
    static void stop() throws Exception {
        sender.close();
        application.close();
    }

    @Test
    void repeatsUpdateTheRowWithoutTakingNewIds() throws Exception {
        sender.link(TrapSender.LINK_DOWN, 11);
        awaitCount(1, 1);
        long id = rowId(11);
        long nextId = nextAutoIncrement();

        for (int i = 0; i < 5; i++) {
            sender.link(TrapSender.LINK_DOWN, 11);
        }
        awaitCount(1, 6);
        assertThat(rowId(11)).isEqualTo(id);
        assertThat(occurrences(11)).isEqualTo(6);
        // An upsert on the reduction key takes an AUTO_INCREMENT value each time, even when it updates.
        assertThat(nextAutoIncrement()).as("AUTO_INCREMENT after 5 repeats").isEqualTo(nextId);
    }

    @Test
    void aRowGoneOrUnderAnotherIdIsWrittenAgainByItsKey() throws Exception {
        sender.link(TrapSender.LINK_DOWN, 12);
        awaitCount(1, 1, 12);
        long id = rowId(12);

        // As after a cycle whose transaction rolled back: the store knows an id whose row is not there.
        TestDatabase.execute(database, "DELETE FROM alarm WHERE resource = 'ifIndex.12'");
        sender.link(TrapSender.LINK_DOWN, 12);
        awaitCount(1, 2, 12);
        assertThat(rowId(12)).isEqualTo(id);

        // A row whose id is not the one the store knows: the reduction key finds it, no second row.
        TestDatabase.execute(database, "UPDATE alarm SET id = id + 1000 WHERE resource = 'ifIndex.12'");
        sender.link(TrapSender.LINK_DOWN, 12);
        awaitCount(1, 3, 12);
        assertThat(rowId(12)).isEqualTo(id + 1000);
    }

    private static void awaitCount(int rows, long occurrences) {
        awaitCount(rows, occurrences, 11);
    }

    /** Waits until the API shows {@code rows} alarms of ifIndex {@code index}, counted {@code occurrences}. */
    private static void awaitCount(int rows, long occurrences, int index) {
        application.awaitList("/api/v1/alarms?state=all", alarms -> {
            List<Map<String, Object>> mine = alarms.stream()
                    .filter(a -> ("ifIndex." + index).equals(a.get("resource"))).toList();
            return mine.size() == rows && ((Number) mine.get(0).get("count")).longValue() == occurrences;
        });
    }

    private static long rowId(int index) throws SQLException {
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE resource = 'ifIndex." + index + "'"))
                .isEqualTo(1);
        return TestDatabase.count(database, "SELECT id FROM alarm WHERE resource = 'ifIndex." + index + "'");
    }

    private static long occurrences(int index) throws SQLException {
        return TestDatabase.count(database, "SELECT occurrences FROM alarm WHERE resource = 'ifIndex." + index + "'");
    }

    private static long nextAutoIncrement() throws SQLException {
        return TestDatabase.count(database, "SELECT AUTO_INCREMENT FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'alarm'");
    }
}
