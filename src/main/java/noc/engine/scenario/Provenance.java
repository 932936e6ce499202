package noc.engine.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEvent;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.ticket.Ticket;
import noc.ticket.TicketCommand;

/**
 * What each rule did in the step being run, so that an expectation that holds credits the rules whose
 * effect it asserts: a rule's effect is asserted when an expectation of the step matched a fact the
 * rule inserted, or a field of one that the rule changed (an alarm, a ticket, a {@code Suppressed}
 * or {@code TicketService} fact through its alarm or ticket, an event it re-keyed, discarded or
 * consumed, a command it refused). A journal line names its rule itself.
 */
final class Provenance {

    /** A change a rule made to a subject ({@code alarm:<key>}, {@code ticket:<reference>}, ...); no fields: all. */
    private record Effect(String rule, String subject, Set<String> fields) {
    }

    /** An event of the step that a rule consumed without raising, repeating, clearing or re-keying an alarm. */
    record Discarded(AlarmEvent event, String rule) {
    }

    private final DeclaredFacts declared;
    private final Set<String> asserted;
    private final List<Effect> effects = new ArrayList<>();
    private final List<Discarded> discarded = new ArrayList<>();
    private final Map<Object, String> subjects = new IdentityHashMap<>();
    private final List<AlarmEvent> firingConsumed = new ArrayList<>();
    private boolean firingChangedAlarms;

    /** @param asserted where the names of the rules whose effect is asserted are gathered */
    Provenance(DeclaredFacts declared, Set<String> asserted) {
        this.declared = declared;
        this.asserted = asserted;
    }

    void beginStep() {
        effects.clear();
        discarded.clear();
        subjects.clear();
    }

    List<Discarded> discarded() {
        return List.copyOf(discarded);
    }

    /** The subject an input of the step (an event, a command) is known by. */
    String subject(Object input) {
        return subjects.computeIfAbsent(input, i -> i.getClass().getSimpleName() + "#" + subjects.size());
    }

    /**
     * An expectation held on {@code subject}, checking {@code fields} (none: the subject as a whole, a
     * refusal or a discarded event): the rules that made the subject or changed one of those are credited.
     */
    void asserted(String subject, Set<String> fields) {
        for (Effect effect : effects) {
            boolean checked = effect.fields().isEmpty() || fields.isEmpty()
                    || !Collections.disjoint(effect.fields(), fields);
            if (checked && effect.subject().equals(subject)) {
                asserted.add(effect.rule());
            }
        }
    }

    /** An expectation held on a journal line that {@code rule} wrote. */
    void assertedRule(String rule) {
        asserted.add(rule);
    }

    /** A fact changed; {@code rule} is null when the engine changed it, not a rule. */
    void changed(String rule, RuleRuntimeEvent event) {
        if (rule == null) {
            return;
        }
        if (event instanceof ObjectInsertedEvent inserted) {
            inserted(rule, inserted.getObject());
        } else if (event instanceof ObjectUpdatedEvent updated) {
            updated(rule, updated.getOldObject(), updated.getObject());
        } else if (event instanceof ObjectDeletedEvent deleted) {
            deleted(rule, deleted.getOldObject());
        }
    }

    /** A rule's consequence ended: the events it consumed and did nothing else with were discarded. */
    void fired(String rule) {
        if (!firingChangedAlarms) {
            firingConsumed.forEach(event -> discarded.add(new Discarded(event, rule)));
        }
        firingConsumed.clear();
        firingChangedAlarms = false;
    }

    private void inserted(String rule, Object fact) {
        if (fact instanceof Alarm alarm) {
            firingChangedAlarms = true;
            whole(rule, "alarm:" + alarm.reductionKey());
        } else if (fact instanceof Ticket ticket) {
            whole(rule, "ticket:" + ticket.reference());
        } else if (fact instanceof AlarmEvent keyed) {
            // a re-keyed event: the rule decided which alarm it is
            firingChangedAlarms = true;
            effect(rule, "alarm:" + keyed.reductionKey(), Set.of("reductionKey"));
        } else {
            derived(rule, fact);
        }
    }

    private void updated(String rule, Object before, Object after) {
        if (before instanceof Alarm old && after instanceof Alarm alarm) {
            firingChangedAlarms = true;
            Set<String> fields = changedFields(Expectations.alarmFields(old), Expectations.alarmFields(alarm));
            effect(rule, "alarm:" + alarm.reductionKey(), fields);
            if (!Objects.equals(old.ticketReference(), alarm.ticketReference())) {
                for (String reference : new String[] {old.ticketReference(), alarm.ticketReference()}) {
                    if (reference != null) {
                        effect(rule, "ticket:" + reference, Set.of("alarms"));
                    }
                }
            }
        } else if (before instanceof Ticket old && after instanceof Ticket ticket) {
            effect(rule, "ticket:" + ticket.reference(),
                    changedFields(Expectations.ticketFields(old), Expectations.ticketFields(ticket)));
        }
    }

    private void deleted(String rule, Object fact) {
        if (fact instanceof AlarmEvent event) {
            firingConsumed.add(event);
            whole(rule, subject(event));
        } else if (fact instanceof TicketCommand command) {
            whole(rule, subject(command));
        } else {
            derived(rule, fact);
        }
    }

    /** A {@code Suppressed} or {@code TicketService} fact, inserted or gone, is a change of its alarm or ticket. */
    private void derived(String rule, Object fact) {
        String symptom = declared.suppressedAlarm(fact);
        if (symptom != null) {
            effect(rule, "alarm:" + symptom, Set.of("suppressedBy"));
        }
        String ticket = declared.serviceTicket(fact);
        if (ticket != null) {
            effect(rule, "ticket:" + ticket, Set.of("services"));
        }
    }

    /** The rule made the subject, or consumed it: whatever an expectation checks of it is its doing. */
    private void whole(String rule, String subject) {
        effects.add(new Effect(rule, subject, Set.of()));
    }

    private void effect(String rule, String subject, Set<String> fields) {
        if (!fields.isEmpty()) {
            effects.add(new Effect(rule, subject, fields));
        }
    }

    private static Set<String> changedFields(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new LinkedHashSet<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changed.add(field);
            }
        });
        return changed;
    }
}
