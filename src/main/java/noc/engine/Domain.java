package noc.engine;

/**
 * What the engine hosts without knowing it: where a session's facts come from, how the rules reach
 * them, and where a cycle's changes go. The engine owns the thread, the queue, the session and the
 * cycle; the domain owns everything the rules talk about.
 */
public interface Domain {

    /** Reads what a new session starts from, at startup and at every rebuild (MariaDB). */
    Seed load();

    /**
     * The seed of a session that is thrown away (the warm-up's), planted like {@code seed} but taking
     * nothing that lasts, such as ticket numbers reserved in the database. By default {@code seed}.
     */
    default Seed throwAway(Seed seed) {
        return seed;
    }

    /** Writes one cycle's changes in one transaction; throws when nothing of it was written. */
    void write(CycleChanges changes);

    /**
     * Opens one transaction and calls {@code body} with a writer that runs, in it, the statements
     * {@link #write} would run for each cycle it is given (cycles in turn, as the engine commits them);
     * then rolls the transaction back and tells nobody. The warm-up's way through the commit path,
     * leaving nothing. By default the writer does nothing.
     */
    default void rehearse(java.util.function.Consumer<java.util.function.Consumer<CycleChanges>> body) {
        body.accept(changes -> {
        });
    }

    /**
     * Inputs shaped like the real traffic a session planted from {@code seed} meets (the warm-up's), or
     * null when the domain makes none.
     */
    default Traffic syntheticTraffic(Seed seed) {
        return null;
    }

    /** An endless source of synthetic inputs. */
    interface Traffic {
        /** The next {@code count} inputs, as if received at {@code now}. */
        java.util.List<Object> next(int count, java.time.Instant now);
    }

    /** What a session starts from; it puts its facts and the rules' globals in a new session. */
    interface Seed {
        Session plant(SessionContext context);
    }

    /** The domain's side of one session. */
    interface Session {

        /** Before the rules fire for a new cycle time (housekeeping such as retiring old facts). */
        default void beginCycle() {
        }

        /** Takes an input that is not a fact (a snapshot of reference data): true when it took it. */
        default boolean absorb(Object input) {
            return false;
        }

        /**
         * Whether the rules fire at once on what absorbing {@code input} changed (state sent by another
         * session), rather than with the next input (reference data such as a snapshot).
         */
        default boolean firesOnAbsorbing(Object input) {
            return false;
        }

        /**
         * After the rules of the cycle: completes its changes (counters, the notifications to send). A
         * failure here is reported and leaves what the rules did.
         */
        default void endCycle(CycleChanges changes) {
        }
    }
}
