package noc.alarm;

/**
 * What the rules do to alarms (the {@code alarms} global; rules/README "What rules can do"). Each
 * call changes the facts at once, so later rules of the same cycle see the change, and records it for
 * the cycle's commit.
 */
public interface AlarmActions {

    /**
     * Gives an event the reduction key {@code template} renders ({@code "{source}|device-restart"}):
     * the event is replaced by its re-keyed copy, which the de-duplication rules then fold.
     */
    void rekey(AlarmEvent event, String template);

    /** A first occurrence of a reduction key becomes a new raised alarm. */
    void raise(AlarmEvent event);

    /** Another occurrence of a known alarm: counted; an occurrence of a cleared alarm raises it again. */
    void repeat(Alarm alarm, AlarmEvent event);

    /** {@code clearing} clears {@code alarm}, and its ticket hears of it. */
    void clear(Alarm alarm, AlarmEvent clearing);

    /** A rule decided that {@code alarm} is over, with no clearing event: it says why. */
    void clear(Alarm alarm, String reason);

    /**
     * Raises (or raises again) an alarm the rules derive from others, such as a storm: from the
     * correlator itself, on the cause's source, attached to the cause's ticket when it has one.
     */
    void raiseDerived(Alarm cause, String name, String resource, Severity severity, String reason);

    /** An event that needs nothing more: a clear with nothing to clear, an ignored notification. */
    void discard(AlarmEvent event);
}
