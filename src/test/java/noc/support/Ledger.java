package noc.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

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

    /** Reads the ledger until it balances, for at most {@code within}; the last one read. */
    public static Ledger awaitBalanced(TestApplication app, Connection database, Duration within)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Ledger ledger = read(app, database);
        while (!ledger.balanced() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            ledger = read(app, database);
        }
        return ledger;
    }
}
