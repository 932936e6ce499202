package noc.engine;

/**
 * How an intake learns the fate of what it offered: called on an engine thread right after the
 * cycle that took the input committed, with what the rules answered it (a refusal, the reference of
 * what it opened), or when the input could not be committed ({@code failed} with an
 * {@link InputRefusedException} when the database refused the input's own data, its other inputs
 * committing). In a collector ({@link Inputs}) it is called on Kafka's producer thread: committed
 * once Kafka acknowledged the record, failed with an {@link InputUnavailableException} when it did
 * not. Implementations hand off and return (answer an inform, complete an HTTP response); they never
 * block.
 */
public interface Receipt {

    Receipt NONE = new Receipt() {
        @Override
        public void committed() {
        }

        @Override
        public void failed(Exception cause) {
        }
    };

    void committed();

    /** Committed, with what the rules answered the input (null when they said nothing). */
    default void committed(Object reply) {
        committed();
    }

    void failed(Exception cause);

    /**
     * Called on the engine thread once the rules of the cycle that took the input have fired, before
     * the cycle goes to be committed, with what they answered it (null when they said nothing) and the
     * cycle's changes: a sender that must have something written in the very transaction that commits
     * the input's effects adds it there, as a {@link CycleChanges.Part} of its own that its domain
     * writes (an engine sharing the work records the outcome of a person's command, which the node that
     * took the request waits for). Called again, on the new cycle's changes, each time the input is
     * fired anew (a replay after a refused cycle). It hands off and returns; by default it does nothing.
     */
    default void beforeCommit(Object reply, CycleChanges changes) {
    }
}
