package noc.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import noc.alarm.AlarmLifecycle;
import noc.maintenance.WindowScope;

/**
 * Where a session stands among those that share the work (role {@code engine}, one session per
 * partition): which correlation domains are its own, the alarms of other sessions whose tickets it
 * decides, as last applied (docs/correlation-domains.md, "Alarms across domains"), and the maintenance
 * windows of other sessions that cover devices of its own ("50-maintenance.drl"). A single process
 * has none: its one session holds every domain.
 *
 * @param local    whether a correlation domain is this session's
 * @param mirrored the alarms of other sessions this session holds as mirrors, with the tickets it gave them
 * @param windows  the maintenance windows held by other sessions that cover devices of this one
 * @param sent     every alarm sent to another session, by reduction key, with the domain it was last
 *                 sent to: this session's alarms sent to a window's session keep following its tickets
 */
public record Placement(Predicate<String> local, List<AlarmLifecycle.Mirrored> mirrored, List<WindowScope> windows,
                        Map<String, String> sent) {

    public Placement {
        requireNonNull(local, "local is null");
        mirrored = List.copyOf(mirrored);
        windows = List.copyOf(windows);
        sent = Map.copyOf(sent);
    }

    /** A session that holds no alarm of another's and knows no window of another's yet. */
    public Placement(Predicate<String> local, List<AlarmLifecycle.Mirrored> mirrored) {
        this(local, mirrored, List.of(), Map.of());
    }
}
