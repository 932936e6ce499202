package noc.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the live and the candidate rules decided for one input: a decision one side took
 * and the other did not, or took otherwise, is a difference. Only the decisions' values count, not
 * the rules behind them, so that a candidate that renames a rule differs in nothing.
 */
final class Comparison {

    /** What a decision is about, and which decision it is. */
    record Key(String subject, DecisionKind kind) {
    }

    private Comparison() {
    }

    static List<Difference> differences(long input, Instant at, java.util.function.Supplier<String> cause,
                                        Map<Key, Decision> live, Map<Key, Decision> candidate) {
        if (live.isEmpty() && candidate.isEmpty()) {
            return List.of(); // most inputs: nothing decided on either side
        }
        Set<Key> keys = new LinkedHashSet<>(live.keySet());
        keys.addAll(candidate.keySet());
        List<Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            Decision ours = live.getOrDefault(key, Decision.NOTHING);
            Decision theirs = candidate.getOrDefault(key, Decision.NOTHING);
            if (!ours.value().equals(theirs.value())) {
                differences.add(new Difference(input, at, cause.get(), key.subject(), key.kind(), ours, theirs));
            }
        }
        return differences;
    }
}
