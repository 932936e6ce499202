package noc.engine;

/**
 * A cycle's transaction found that its session's partition belongs to another node now (it was
 * reassigned while this node was paused, cut off or slow): nothing of the cycle was written. The
 * engine of that session takes no more input; the new owner reads the inputs again from the position
 * the last committed cycle stored.
 */
public final class FencedException extends RuntimeException {

    public FencedException(String session) {
        super(session + " is owned by another node now");
    }
}
