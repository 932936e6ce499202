package noc.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import noc.engine.CycleChanges;

/**
 * The outcomes of the people's commands one cycle applied, and the domains of the tickets they
 * opened: a part of the cycle's changes, which {@link PartitionDomain} writes in the cycle's own
 * transaction, so that a command's outcome is there exactly when its effects are.
 */
final class CycleOutcomes implements CycleChanges.Part {

    private final List<CommandOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> pins = new LinkedHashMap<>();

    void add(CommandOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Ticket {@code reference} was opened in {@code domain}'s session. */
    void pin(String reference, String domain) {
        pins.put(reference, domain);
    }

    List<CommandOutcome> outcomes() {
        return outcomes;
    }

    Map<String, String> pins() {
        return pins;
    }

    @Override
    public boolean isEmpty() {
        return outcomes.isEmpty() && pins.isEmpty();
    }
}
