package noc.ticket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The P-3 table as configuration (P-3.1): each priority's restore objective and escalation reference
 * time ({@code noc.sla.p1.restore-objective}, {@code noc.sla.p1.escalation-reference}, ...).
 */
public record SlaPolicy(Map<Priority, Duration> restoreObjectives, Map<Priority, Duration> escalationReferences,
                        Duration customerAnswerTimeout, Duration acknowledgementTimeout,
                        Duration confirmationPeriod, Map<Integer, java.util.List<String>> escalationContacts) {

    public SlaPolicy {
        restoreObjectives = Map.copyOf(restoreObjectives);
        escalationReferences = Map.copyOf(escalationReferences);
        escalationContacts = Map.copyOf(escalationContacts);
    }

    /** Who is warned at an escalation level (P-5.3), from {@code noc.escalation.level-N.contacts}. */
    public java.util.List<String> contacts(int level) {
        return escalationContacts.getOrDefault(level, java.util.List.of());
    }

    /** PROCEDURE.md P-3: P1 4 h (escalation after 30 min), P2 8 h (1 h), P3 24 h, P4 and P5 none. */
    public static SlaPolicy defaults() {
        Map<Priority, Duration> restore = new EnumMap<>(Priority.class);
        restore.put(Priority.P1, Duration.ofHours(4));
        restore.put(Priority.P2, Duration.ofHours(8));
        restore.put(Priority.P3, Duration.ofHours(24));
        Map<Priority, Duration> escalation = new EnumMap<>(Priority.class);
        escalation.put(Priority.P1, Duration.ofMinutes(30));
        escalation.put(Priority.P2, Duration.ofHours(1));
        return new SlaPolicy(restore, escalation, Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofDays(1),
                Map.of());
    }

    /** How long a customer has to confirm or dispute a resolution before the ticket closes (P-4.3). */
    public Duration getConfirmationPeriod() {
        return confirmationPeriod;
    }

    public Duration getCustomerAnswerTimeout() {
        return customerAnswerTimeout;
    }


    /** The restore objective of a priority, or null when it has none. */
    public Duration restoreObjective(Priority priority) {
        return restoreObjectives.get(priority);
    }
}
