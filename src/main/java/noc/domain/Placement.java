package noc.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Predicate;

import noc.alarm.AlarmLifecycle;

/**
 * Where a session stands among those that share the work (role {@code engine}, one session per
 * partition): which correlation domains are its own, and the alarms of other sessions whose tickets it
 * decides, as last applied (docs/correlation-domains.md, "Alarms across domains"). A single process
 * has none: its one session holds every domain.
 *
 * @param local    whether a correlation domain is this session's
 * @param mirrored the alarms of other sessions this session holds as mirrors, with the tickets it gave them
 */
public record Placement(Predicate<String> local, List<AlarmLifecycle.Mirrored> mirrored) {

    public Placement {
        requireNonNull(local, "local is null");
        mirrored = List.copyOf(mirrored);
    }
}
