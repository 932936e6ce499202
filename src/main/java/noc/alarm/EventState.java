package noc.alarm;

/** What an occurrence says of its problem: it is there, or it is over. */
public enum EventState {
    RAISE, CLEAR
}
