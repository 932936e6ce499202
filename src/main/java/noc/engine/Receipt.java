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
}
