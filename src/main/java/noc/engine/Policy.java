package noc.engine;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import noc.alarm.Alarm;

/**
 * The figures the rules apply, from configuration ({@code noc.policy.*}), so that an operator changes
 * them without a rebuild (PROCEDURE.md P-3.1): one fact in the session, which the rules read instead
 * of literals. rules/README.md "Policy keys" says which rule reads which.
 *
 * @param majorIncidentCustomers a P1 that affects more customers than this is a major incident (P-5.6)
 * @param serviceMergeWindow     an alarm on a customer service joins the service's ticket opened less
 *                               than this before it, instead of opening its own
 * @param redundantAccessesDown  this many accesses of one redundant service down at once lose the
 *                               service: its ticket becomes a P1 (one down is what redundancy is for)
 * @param stormCount             this many alarms of one kind from one source, first seen within
 *                               {@code stormWindow}, are a storm: one NOC::alarmStorm alarm
 * @param stormWindow            see {@code stormCount}
 * @param stormQuietPeriod       a storm alarm not refreshed for this long clears
 * @param flappingCount          an alarm raised this many times within {@code flappingWindow} is
 *                               flapping; at most the raises an alarm remembers
 * @param flappingWindow         see {@code flappingCount}
 * @param flappingQuietPeriod    a flapping alarm not refreshed for this long clears
 * @param autoResolveHoldDown    a ticket whose alarms have all stayed cleared for this long is resolved
 */
@ConfigurationProperties("noc.policy")
public record Policy(
        @Bindable(defaultValue = "3") @Min(0) int majorIncidentCustomers,
        @Bindable(defaultValue = "15m") @NotNull Duration serviceMergeWindow,
        @Bindable(defaultValue = "2") @Min(2) int redundantAccessesDown,
        @Bindable(defaultValue = "20") @Min(2) int stormCount,
        @Bindable(defaultValue = "1m") @NotNull Duration stormWindow,
        @Bindable(defaultValue = "5m") @NotNull Duration stormQuietPeriod,
        @Bindable(defaultValue = "5") @Min(2) @Max(Alarm.RAISES_KEPT) int flappingCount,
        @Bindable(defaultValue = "10m") @NotNull Duration flappingWindow,
        @Bindable(defaultValue = "10m") @NotNull Duration flappingQuietPeriod,
        @Bindable(defaultValue = "15m") @NotNull Duration autoResolveHoldDown) {

    public Policy {
        positive("service-merge-window", serviceMergeWindow);
        positive("storm-window", stormWindow);
        positive("storm-quiet-period", stormQuietPeriod);
        positive("flapping-window", flappingWindow);
        positive("flapping-quiet-period", flappingQuietPeriod);
        positive("auto-resolve-hold-down", autoResolveHoldDown);
    }

    private static void positive(String key, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("noc.policy." + key + " must be a positive duration, not " + duration);
        }
    }

    /** The shipped values, those of application.yml. */
    public static Policy defaults() {
        return new Policy(3, Duration.ofMinutes(15), 2, 20, Duration.ofMinutes(1), Duration.ofMinutes(5), 5,
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(15));
    }

    // Getters, by which the rules read the figures (Policy( $window : stormWindow )).

    public int getMajorIncidentCustomers() {
        return majorIncidentCustomers;
    }

    public long getServiceMergeWindowSeconds() {
        return serviceMergeWindow.toSeconds();
    }

    public int getRedundantAccessesDown() {
        return redundantAccessesDown;
    }

    public int getStormCount() {
        return stormCount;
    }

    public Duration getStormWindow() {
        return stormWindow;
    }

    public Duration getStormQuietPeriod() {
        return stormQuietPeriod;
    }

    public int getFlappingCount() {
        return flappingCount;
    }

    public Duration getFlappingWindow() {
        return flappingWindow;
    }

    public Duration getFlappingQuietPeriod() {
        return flappingQuietPeriod;
    }

    public Duration getAutoResolveHoldDown() {
        return autoResolveHoldDown;
    }
}
