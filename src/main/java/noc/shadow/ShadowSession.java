package noc.shadow;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import noc.alarm.Alarm;
import noc.engine.CompiledRules;
import noc.engine.Correlation;
import noc.engine.CycleChanges;
import noc.engine.Retention;
import noc.domain.SessionState;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Ticket;
import noc.ticket.TicketChanges;
import noc.ticket.TicketStatus;

/**
 * One rule base of a shadow run (the live one, or the candidate), in a session of its own, run one
 * input per cycle so that what a cycle changed is that input's doing. It tells the decisions each
 * cycle took by comparing what the cycle changed with the alarms and tickets as they were before,
 * which it mirrors (the session's own facts are only reached by a walk of them all).
 */
final class ShadowSession implements AutoCloseable {

    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
    private static final Set<JournalAction> TICKET_ACTIONS = EnumSet.of(JournalAction.OPENED,
            JournalAction.ALARM_ATTACHED);
    private static final Set<JournalAction> PRIORITY_ACTIONS = EnumSet.of(JournalAction.OPENED,
            JournalAction.PRIORITY_SET);
    private static final Set<JournalAction> CLEARING_ACTIONS = EnumSet.of(JournalAction.ALARM_CLEARED,
            JournalAction.ALARM_REPEATED_AFTER_CLEAR);
    private static final Set<JournalAction> STATUS_ACTIONS = EnumSet.of(JournalAction.RESOLVED, JournalAction.CLOSED,
            JournalAction.REOPENED, JournalAction.ACKNOWLEDGED, JournalAction.WAITING, JournalAction.RESUMED);

    private final Correlation correlation;
    private final Retention retention;
    private final Map<String, Alarm> alarms = new HashMap<>();
    private final Map<String, Ticket> tickets = new HashMap<>();
    /** How many {@code Suppressed} facts name each reduction key now (one per cause). */
    private final Map<String, Integer> suppressed = new HashMap<>();
    /** For each reduction key whose suppression moved in this cycle, whether it was suppressed before. */
    private final Map<String, Boolean> suppressedBefore = new LinkedHashMap<>();
    private final Set<String> fired = new LinkedHashSet<>();
    private RuntimeException failure;
    private Instant nextPrune;

    private ShadowSession(Correlation correlation, Retention retention, List<Alarm> alarms, List<Ticket> tickets,
                          Instant start) {
        this.correlation = correlation;
        this.retention = retention;
        alarms.forEach(alarm -> this.alarms.put(alarm.reductionKey(), alarm));
        tickets.forEach(ticket -> this.tickets.put(ticket.reference(), ticket));
        this.nextPrune = start.plus(PRUNE_INTERVAL);
        correlation.onRuleFired(fired::add);
        correlation.onFactChanged(new SuppressionWatch());
    }

    /**
     * The one place where a shadow session is made and reads what it starts from, so that a change to
     * the session's constructor or to {@link SessionState} touches only this.
     */
    static ShadowSession open(CompiledRules rules, Instant start, SessionState state) {
        return new ShadowSession(new Correlation(rules, start, state), state.retention(), state.alarms(),
                state.tickets(), start);
    }

    /**
     * Runs one cycle at {@code time} with {@code input} alone (null: the clock alone), without
     * planning notifications, and tells the decisions it took.
     */
    Map<Comparison.Key, Decision> cycle(Instant time, Object input) {
        fired.clear();
        suppressedBefore.clear();
        failure = null;
        CycleChanges changes = correlation.cycle(time, input == null ? List.of() : List.of(input),
                (failed, e) -> failure = e);
        List<JournalEntry> journal = TicketChanges.in(changes).journal();
        Map<Comparison.Key, Decision> decisions = new LinkedHashMap<>();
        Set<String> openedThroughAlarms = new HashSet<>();
        for (Alarm after : changes.rows(Alarm.class)) {
            Alarm before = alarms.get(after.reductionKey());
            String subject = "alarm " + after.reductionKey();
            if (before == null ? after.isRaised() : before.isRaised() != after.isRaised()) {
                decisions.put(new Comparison.Key(subject, DecisionKind.CLEARING), new Decision(
                        after.isRaised() ? "raised" : "cleared", authors(journal, after.ticketReference(),
                        CLEARING_ACTIONS)));
            }
            String reference = after.ticketReference();
            if (!Objects.equals(before == null ? null : before.ticketReference(), reference)) {
                Ticket changed = reference == null ? null : changes.row(Ticket.class, reference);
                Ticket ticket = changed != null ? changed : reference == null ? null : tickets.get(reference);
                if (ticket == null) {
                    decisions.put(new Comparison.Key(subject, DecisionKind.TICKET), new Decision("left its ticket",
                            new ArrayList<>(fired)));
                    continue;
                }
                boolean opened = !tickets.containsKey(reference) && opener(journal, reference, after.reductionKey());
                if (opened) {
                    openedThroughAlarms.add(reference);
                }
                decisions.put(new Comparison.Key(subject, DecisionKind.TICKET), new Decision((opened
                        ? "opened a ticket of " : "joined the ticket of ") + ticket.groupKey(),
                        authors(journal, reference, TICKET_ACTIONS)));
                if (opened) { // a ticket joined keeps its priority, or changes it as a decision of its own
                    decisions.put(new Comparison.Key(subject, DecisionKind.PRIORITY), new Decision(
                            ticket.priority().name(), authors(journal, reference, PRIORITY_ACTIONS)));
                }
            }
        }
        suppressedBefore.forEach((key, was) -> {
            if (was != suppressed.containsKey(key)) {
                decisions.put(new Comparison.Key("alarm " + key, DecisionKind.SUPPRESSION), new Decision(
                        was ? "no longer suppressed" : "suppressed", new ArrayList<>(fired)));
            }
        });
        for (Ticket after : changes.rows(Ticket.class)) {
            ticketDecisions(journal, tickets.get(after.reference()), after, openedThroughAlarms, decisions);
        }
        if (failure != null) {
            decisions.put(new Comparison.Key("the rules", DecisionKind.FAILURE), new Decision("a rule threw "
                    + failure.getClass().getSimpleName(), new ArrayList<>(fired)));
        }
        remember(changes, time);
        return decisions;
    }

    private void ticketDecisions(List<JournalEntry> journal, Ticket before, Ticket after,
                                 Set<String> openedThroughAlarms, Map<Comparison.Key, Decision> decisions) {
        String subject = "ticket of " + after.groupKey();
        String reference = after.reference();
        if (before == null) {
            if (!openedThroughAlarms.contains(reference)) { // else told as the decision of the alarm that opened it
                decisions.put(new Comparison.Key(subject, DecisionKind.TICKET), new Decision("opened",
                        authors(journal, reference, TICKET_ACTIONS)));
                decisions.put(new Comparison.Key(subject, DecisionKind.PRIORITY), new Decision(
                        after.priority().name(), authors(journal, reference, PRIORITY_ACTIONS)));
            }
            return;
        }
        if (before.priority() != after.priority()) {
            decisions.put(new Comparison.Key(subject, DecisionKind.PRIORITY), new Decision(after.priority().name(),
                    authors(journal, reference, PRIORITY_ACTIONS)));
        }
        if (before.escalation().level() != after.escalation().level()) {
            decisions.put(new Comparison.Key(subject, DecisionKind.ESCALATION), new Decision("level "
                    + after.escalation().level(), authors(journal, reference, EnumSet.of(JournalAction.ESCALATED))));
        }
        if (before.status() != after.status()) {
            decisions.put(new Comparison.Key(subject, DecisionKind.STATUS), new Decision(after.status().name(),
                    authors(journal, reference, STATUS_ACTIONS)));
        }
    }

    /** Whether the ticket's opening line of this cycle names the alarm among the facts its rule matched. */
    private static boolean opener(List<JournalEntry> journal, String reference, String reductionKey) {
        String fact = "alarm:" + reductionKey;
        return journal.stream().anyMatch(entry -> entry.ticketReference().equals(reference)
                && entry.action() == JournalAction.OPENED && entry.facts().contains(fact));
    }

    /** The rules that wrote this cycle's lines of {@code actions} on the ticket; else every rule that fired. */
    private List<String> authors(List<JournalEntry> journal, String reference, Set<JournalAction> actions) {
        Set<String> authors = new LinkedHashSet<>();
        for (JournalEntry entry : journal) {
            if (entry.ticketReference().equals(reference) && actions.contains(entry.action())
                    && entry.authorKind() == JournalEntry.AuthorKind.RULE) {
                authors.add(entry.author());
            }
        }
        return List.copyOf(authors.isEmpty() ? fired : authors);
    }

    /**
     * Brings the mirror in line with the session: what the cycle changed, closed tickets out, and now
     * and then the alarms the session let go (cleared past their retention, their ticket closed).
     */
    private void remember(CycleChanges changes, Instant time) {
        changes.rows(Alarm.class).forEach(alarm -> alarms.put(alarm.reductionKey(), alarm));
        for (Ticket ticket : changes.rows(Ticket.class)) {
            if (ticket.status() == TicketStatus.CLOSED) {
                tickets.remove(ticket.reference());
            } else {
                tickets.put(ticket.reference(), ticket);
            }
        }
        if (!time.isBefore(nextPrune)) {
            Instant before = retention.clearedAlarmsBefore(time);
            alarms.values().removeIf(alarm -> alarm.isRetiredAt(before, tickets::containsKey));
            nextPrune = time.plus(PRUNE_INTERVAL);
        }
    }

    @Override
    public void close() {
        correlation.close();
    }

    /**
     * Follows the {@code Suppressed} facts, which the rules declare and insert logically: a type of
     * the rule base, read by its name and its {@code reductionKey}.
     */
    private final class SuppressionWatch implements RuleRuntimeEventListener {

        private final Map<Class<?>, Method> keyReaders = new HashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            moved(event.getObject(), true);
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            moved(event.getOldObject(), false);
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // a logical fact is inserted and deleted, never updated
        }

        private void moved(Object fact, boolean present) {
            if (fact == null || !fact.getClass().getSimpleName().equals("Suppressed")) {
                return;
            }
            String key = reductionKeyOf(fact);
            if (key == null) {
                return;
            }
            suppressedBefore.putIfAbsent(key, suppressed.containsKey(key));
            suppressed.merge(key, present ? 1 : -1, (count, change) -> count + change == 0 ? null : count + change);
        }

        private String reductionKeyOf(Object fact) {
            try {
                Method reader = keyReaders.computeIfAbsent(fact.getClass(), type -> {
                    try {
                        return type.getMethod("getReductionKey");
                    } catch (NoSuchMethodException e) {
                        return null;
                    }
                });
                return reader == null ? null : (String) reader.invoke(fact);
            } catch (ReflectiveOperationException | ClassCastException e) {
                return null;
            }
        }
    }
}
