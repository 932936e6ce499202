package noc.shadow;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What one rule base decided about one subject for one input, and the rules behind it (the authors
 * of the journal lines of that decision, else the rules that fired on the input).
 *
 * @param value what it came to, in words: {@code P2}, {@code opened a ticket of 192.0.2.1}, {@code cleared}
 */
@Serdeable
public record Decision(String value, List<String> rules) {

    /** The side that decided nothing about the subject. */
    static final Decision NOTHING = new Decision("nothing", List.of());

    public Decision {
        java.util.Objects.requireNonNull(value, "value is null");
        rules = List.copyOf(rules);
    }
}
