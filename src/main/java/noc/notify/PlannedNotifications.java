package noc.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;

import noc.engine.CycleChanges;

/**
 * The notification side of one cycle: the opening notices the rules chose (through the
 * {@code notices} global), and what the cycle tells whom, planned once the rules are done and
 * written to the outbox in the cycle's transaction.
 */
public final class PlannedNotifications implements CycleChanges.Part {

    private final Map<String, Opening> openings = new HashMap<>();
    private List<Notification> notifications = List.of();

    public static PlannedNotifications of(CycleChanges changes) {
        return changes.part(PlannedNotifications.class, PlannedNotifications::new);
    }

    /** The notifications of {@code changes}: none when nothing planned any. */
    public static List<Notification> in(CycleChanges changes) {
        PlannedNotifications part = changes.partOrNull(PlannedNotifications.class);
        return part == null ? List.of() : part.notifications;
    }

    void opening(String reference, Opening opening) {
        openings.put(reference, opening);
    }

    /** The template of the opening notice of ticket {@code reference}: {@code opened} unless a rule chose. */
    public String openingTemplate(String reference) {
        return opening(reference).template();
    }

    /** The opening notice of ticket {@code reference}: {@code opened} unless a rule chose. */
    public Opening opening(String reference) {
        return openings.getOrDefault(reference, new Opening("opened", null, null));
    }

    /**
     * The opening notice a rule chose: its template and, for a maintenance window's, the window
     * ({@code windowStart}, {@code windowEnd} of the templates), else nulls.
     */
    public record Opening(String template, @Nullable Instant start, @Nullable Instant end) {
    }

    public void notifications(List<Notification> planned) {
        notifications = List.copyOf(planned);
    }

    @Override
    public boolean isEmpty() {
        return notifications.isEmpty();
    }
}
