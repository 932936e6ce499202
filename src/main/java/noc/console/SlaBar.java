package noc.console;

import java.time.Duration;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/**
 * A ticket's SLA countdown as the console draws it: the counted time against the restore objective.
 * Amber from three quarters of the objective, red once breached; frozen (neither moving nor coloured
 * by the time) while the ticket waits on the customer, whose time does not count (P-6.2).
 *
 * @param objective the restore objective, or null when the priority has none (no bar is drawn)
 * @param elapsed   the open time that counts so far
 */
public record SlaBar(@Nullable Duration objective, Duration elapsed, State state) {

    /** How the bar is coloured; {@code name().toLowerCase()} is its CSS class and the key of its text. */
    public enum State {
        ON_TIME, LATE, BREACHED, FROZEN, NONE
    }

    /** The share of the objective at which the bar turns amber. */
    static final double AMBER = 0.75;

    /** The bar of a ticket whose clock counted {@code elapsed}, breached or not, waiting on the customer or not. */
    public static SlaBar of(@Nullable Duration objective, Duration elapsed, boolean breached, boolean waiting) {
        if (objective == null || objective.isZero() || objective.isNegative()) {
            return new SlaBar(null, elapsed, State.NONE);
        }
        double share = (double) elapsed.toMillis() / objective.toMillis();
        State state = waiting ? State.FROZEN : breached || share >= 1 ? State.BREACHED
                : share >= AMBER ? State.LATE : State.ON_TIME;
        return new SlaBar(objective, elapsed, state);
    }

    /** The CSS class: {@code sla-late} and so on. */
    public String css() {
        return "sla-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of the bar's state in the message bundles. */
    public String key() {
        return "sla.state." + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The filled part, 0 to 100, with four decimals so that it moves visibly to a test (and smoothly to an eye). */
    public String width() {
        if (objective == null) {
            return "0";
        }
        double percent = Math.min(100, Math.max(0, 100.0 * elapsed.toMillis() / objective.toMillis()));
        return String.format(Locale.ROOT, "%.4f", percent);
    }

    /** The percentage in words: may exceed 100 once breached. */
    public long percent() {
        return objective == null ? 0 : Math.max(0, elapsed.toMillis() * 100 / objective.toMillis());
    }

    /** The counted time in seconds (the bar's {@code aria-valuenow}). */
    public long elapsedSeconds() {
        return Math.max(0, elapsed.toSeconds());
    }

    /** The objective in seconds (the bar's {@code aria-valuemax}). */
    public long objectiveSeconds() {
        return objective == null ? 0 : objective.toSeconds();
    }

    public String elapsedText() {
        return text(elapsed);
    }

    public String objectiveText() {
        return objective == null ? "" : text(objective);
    }

    /** A duration as a support centre writes it, the same in French and English: "2 h 05", "12 min". */
    public static String text(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d", minutes / 60, minutes % 60);
    }
}
