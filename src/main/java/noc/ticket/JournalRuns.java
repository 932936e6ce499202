package noc.ticket;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The clears and returns of one alarm that each ticket's journal ends with (a flapping interface), so
 * that they are counted on one line per action instead of written one line per trap. Kept in memory
 * for the open tickets of one session: a new session starts new lines.
 */
public final class JournalRuns {

    private final Map<String, Run> runs = new HashMap<>();

    /**
     * Whether {@code entry}, a clear or return of alarm {@code reductionKey}, continues its ticket's run:
     * then the run's line of the same action, counted once more with the entry's text, facts and time,
     * is returned, to update; else null, and the entry is a new line (the run goes on from it, or a new
     * run starts with it when the last lines were of another alarm).
     */
    public JournalEntry counted(JournalEntry entry, String reductionKey) {
        Run run = runs.get(entry.ticketReference());
        if (run == null || !run.reductionKey().equals(reductionKey)) {
            run = new Run(reductionKey, new EnumMap<>(JournalAction.class));
            runs.put(entry.ticketReference(), run);
        }
        JournalEntry previous = run.lines().get(entry.action());
        JournalEntry line = previous == null ? entry : previous.repeated(entry.at(), entry.text(), entry.facts());
        run.lines().put(entry.action(), line);
        return previous == null ? null : line;
    }

    /** Another line was written on the ticket: the next clear or return starts a line of its own. */
    public void interrupted(String reference) {
        runs.remove(reference);
    }

    public void clear() {
        runs.clear();
    }

    private record Run(String reductionKey, Map<JournalAction, JournalEntry> lines) {
    }
}
