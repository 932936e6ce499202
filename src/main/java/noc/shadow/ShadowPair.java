package noc.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import noc.alarm.AlarmEvent;
import noc.engine.CompiledRules;
import noc.domain.SessionState;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;
import noc.ticket.TicketCommand;

/**
 * The live rules and the candidate, each in a session of its own started from the same state, fed
 * the same inputs at the same times: what the clock decides at each cycle time, then each input
 * alone, so that every decision is put down to its input. Inputs are shared with the live engine:
 * they are immutable, and what the rules answer their senders stays in each session's own cycle
 * changes. Used by the running shadow and by the command line alike.
 */
final class ShadowPair implements AutoCloseable {

    private final ShadowSession live;
    private final ShadowSession candidate;
    private long inputs;

    private ShadowPair(ShadowSession live, ShadowSession candidate) {
        this.live = live;
        this.candidate = candidate;
    }

    static ShadowPair open(CompiledRules live, CompiledRules candidate, Instant start, SessionState state) {
        ShadowSession first = ShadowSession.open(live, start, state);
        try {
            return new ShadowPair(first, ShadowSession.open(candidate, start, state));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** What the clock alone decided at {@code time}, told apart. */
    List<Difference> clock(Instant time) {
        return Comparison.differences(0, time, () -> "the clock", live.cycle(time, null), candidate.cycle(time, null));
    }

    /** What {@code input} decided at {@code time}. */
    List<Difference> input(Instant time, Object input) {
        inputs++;
        return Comparison.differences(inputs, time, () -> describe(input), live.cycle(time, input),
                candidate.cycle(time, input));
    }

    /** How many inputs were compared. */
    long inputs() {
        return inputs;
    }

    /** The clock, then each input, of one live cycle. */
    List<Difference> cycle(Instant time, List<Object> cycleInputs) {
        List<Difference> differences = new ArrayList<>(clock(time));
        for (Object input : cycleInputs) {
            differences.addAll(input(time, input));
        }
        return differences;
    }

    /** An input in words, for a person reading the differences. */
    static String describe(Object input) {
        if (input instanceof AlarmEvent event) {
            return event.name() + (event.isClearing() ? " (clear)" : "") + " from " + event.source()
                    + (event.resource().isEmpty() ? "" : " " + event.resource());
        }
        if (input instanceof TicketCommand command) {
            return command.action() + " on " + command.reference() + " by " + command.by();
        }
        if (input instanceof Declaration declaration) {
            return "a declaration by " + declaration.customerName();
        }
        if (input instanceof MaintenanceRequest request) {
            return "maintenance planned: " + request.title();
        }
        return input.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            live.close();
        } finally {
            candidate.close();
        }
    }
}
