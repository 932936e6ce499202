package noc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * What an in-JVM correlator accepted against what it committed: SNMP traps and informs it counted
 * accepted ({@code noc_snmp_traps_accepted_total}) against the occurrences of its SNMP alarms, and
 * generic HTTP alarms it queued ({@code noc_intake_alarms_accepted_total{intake="generic"}}) against
 * the occurrences of its generic alarms. Accepted means committed: both pairs are equal once the
 * engine has caught up.
 */
public record Ledger(long snmpAccepted, long snmpCommitted, long httpAccepted, long httpCommitted) {

    public static Ledger read(TestApplication app, Connection database) throws SQLException {
        return new Ledger((long) MetricsReader.value(app, "noc_snmp_traps_accepted_total", ""),
                StoredRows.occurrences(database, "SNMP"),
                (long) MetricsReader.value(app, "noc_intake_alarms_accepted_total", "intake=\"generic\""),
                StoredRows.occurrences(database, "GENERIC"));
    }

    public boolean balanced() {
        return snmpAccepted == snmpCommitted && httpAccepted == httpCommitted;
    }

    /**
     * Waits (at most {@code within}) until accepted == committed, then checks it, and that every inform
     * of {@code informs} and every alarm of {@code alarms} answered as committed is stored exactly once
     * (their sources start with {@code informSources} and {@code alarmSources}); the ledger read last.
     */
    public static Ledger assertNothingLost(TestApplication app, Map<String, Object> datasource, Duration within,
                                           InputLoad informs, String informSources, InputLoad alarms,
                                           String alarmSources) throws SQLException {
        Ledger ledger;
        Map<String, Long> informCounts;
        Map<String, Long> alarmCounts;
        try (Connection connection = StoredRows.connect(datasource)) {
            ledger = awaitBalanced(app, connection, within);
            informCounts = StoredRows.occurrencesBySource(connection, informSources);
            alarmCounts = StoredRows.occurrencesBySource(connection, alarmSources);
        }
        assertThat(StoredRows.notStoredOnce(informCounts, informs.acknowledged()))
                .as("informs answered (or stored) but not stored exactly once: source=count").isEmpty();
        assertThat(StoredRows.notStoredOnce(alarmCounts, alarms.acknowledged()))
                .as("alarms answered 2xx (or stored) but not stored exactly once: source=count").isEmpty();
        return ledger;
    }

    /** Reads the ledger until it balances, for at most {@code within}; the balanced ledger. */
    public static Ledger awaitBalanced(TestApplication app, Connection database, Duration within) {
        return Await.value(within, "accepted == committed", () -> read(app, database), Ledger::balanced);
    }
}
