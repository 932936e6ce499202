package noc.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where the intakes hand what they decoded, and the only thing they know of what lies behind: in
 * roles {@code all} and {@code engine} the {@link EngineQueue} (a {@link Receipt} completes once the
 * input's cycle committed), in role {@code collector} the Kafka inputs topic (it completes once
 * Kafka acknowledged the record). An offer never waits: a listener thread hands off and returns.
 */
public interface Inputs {

    /** Offers an input without waiting; false when it is refused now (see {@link #refusal()}). */
    boolean offer(Object input, Receipt receipt);

    /** Offers an input whose fate nobody awaits. */
    boolean offer(Object input);

    /**
     * Offers several inputs as one: refused or taken together, and reported to {@code receipt} once
     * for all of them.
     */
    boolean offerAll(List<?> inputs, Receipt receipt);

    /** What a refused offer is counted as, and the sentence its HTTP sender reads. */
    Refusal refusal();

    /**
     * Why offers are refused here.
     *
     * @param reason the {@code reason} label the intakes count it under ({@code queue_full})
     * @param detail what a refused HTTP request is told, in a sentence
     */
    record Refusal(String reason, String detail) {
        public Refusal {
            requireNonNull(reason, "reason is null");
            requireNonNull(detail, "detail is null");
        }
    }
}
