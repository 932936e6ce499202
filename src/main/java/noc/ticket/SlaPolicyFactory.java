package noc.ticket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Reads {@code noc.sla.p1.restore-objective} and its kin, the defaults being PROCEDURE.md's table. */
@Factory
public class SlaPolicyFactory {

    @Singleton
    SlaPolicy slaPolicy(Environment environment) {
        SlaPolicy defaults = SlaPolicy.defaults();
        Map<Priority, Duration> restore = new EnumMap<>(Priority.class);
        Map<Priority, Duration> escalation = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            String prefix = "noc.sla." + priority.name().toLowerCase(Locale.ROOT) + ".";
            duration(environment, prefix + "restore-objective")
                    .or(() -> java.util.Optional.ofNullable(defaults.restoreObjectives().get(priority)))
                    .ifPresent(d -> restore.put(priority, positive(prefix + "restore-objective", d)));
            duration(environment, prefix + "escalation-reference")
                    .or(() -> java.util.Optional.ofNullable(defaults.escalationReferences().get(priority)))
                    .ifPresent(d -> escalation.put(priority, positive(prefix + "escalation-reference", d)));
        }
        Duration answer = positive("noc.sla.customer-answer-timeout", duration(environment,
                "noc.sla.customer-answer-timeout").orElse(defaults.customerAnswerTimeout()));
        Duration acknowledgement = positive("noc.escalation.acknowledgement-timeout", duration(environment,
                "noc.escalation.acknowledgement-timeout").orElse(defaults.acknowledgementTimeout()));
        Duration confirmation = positive("noc.closure.confirmation-period", duration(environment,
                "noc.closure.confirmation-period").orElse(defaults.confirmationPeriod()));
        Map<Integer, java.util.List<String>> contacts = new java.util.HashMap<>();
        for (int level = 1; level <= EscalationState.TOP; level++) {
            contacts.put(level, environment.getProperty("noc.escalation.level-" + level + ".contacts",
                    io.micronaut.core.type.Argument.listOf(String.class)).orElse(java.util.List.of()));
        }
        return new SlaPolicy(restore, escalation, answer, acknowledgement, confirmation, contacts);
    }

    /**
     * The duration configured under {@code key}, or empty when the key is not set; a value that is no
     * duration ({@code soon}) is an error naming the key, never the default in silence.
     */
    static java.util.Optional<Duration> duration(Environment environment, String key) {
        java.util.Optional<Duration> value = environment.getProperty(key, Duration.class);
        if (value.isEmpty() && environment.containsProperty(key)) {
            throw new IllegalArgumentException(key + " must be a duration such as 4h, 30m or 1d, not '"
                    + environment.getProperty(key, String.class).orElse("") + "'");
        }
        return value;
    }

    private static Duration positive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + duration);
        }
        return duration;
    }
}
