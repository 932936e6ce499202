package noc.alarm;

/** Whether the problem an alarm stands for is present. */
public enum AlarmState {
    RAISED, CLEARED
}
