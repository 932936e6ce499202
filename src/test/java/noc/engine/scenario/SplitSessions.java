package noc.engine.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.AlarmTicket;
import noc.alarm.ServiceAccess;
import noc.domain.Placement;
import noc.domain.SessionState;
import noc.engine.CompiledRules;
import noc.engine.Correlation;
import noc.engine.CycleChanges;
import noc.inventory.CorrelationDomains;
import noc.maintenance.WindowScope;
import noc.ticket.Ticket;
import noc.ticket.TicketNumbers;

/**
 * Runs a scenario's alarms over several sessions, each holding the correlation domains {@code sessionOf}
 * gives it, as engines sharing the work do, joined as the inputs topic joins them: the
 * {@link ServiceAccess}, {@link AlarmTicket} and {@link WindowScope} rows a cycle records become inputs of the session of
 * their domain, applied in cycles of their own at the same time until none is left. With one session
 * (and no placement) it is the single process. What it observes per step, the tickets by title and the
 * alarms by reduction key, is what the two must agree on.
 */
final class SplitSessions implements AutoCloseable {

    private final List<Correlation> sessions = new ArrayList<>();
    private final CorrelationDomains domains;
    private final ToIntFunction<String> sessionOf;

    /** Every domain in one session, planted as the single process plants it. */
    static SplitSessions single(CompiledRules rules, Scenario scenario, SessionState state) {
        return new SplitSessions(rules, scenario, state, 1, domain -> 0, false);
    }

    /** {@code count} sessions, domain {@code d} in session {@code sessionOf(d)}. */
    static SplitSessions split(CompiledRules rules, Scenario scenario, SessionState state, int count,
                               ToIntFunction<String> sessionOf) {
        return new SplitSessions(rules, scenario, state, count, sessionOf, true);
    }

    private SplitSessions(CompiledRules rules, Scenario scenario, SessionState state, int count,
                          ToIntFunction<String> sessionOf, boolean placed) {
        this.domains = CorrelationDomains.of(state.inventory());
        this.sessionOf = sessionOf;
        // one numbering for all, as the blocks reserved in MariaDB give engines
        TicketNumbers numbers = TicketNumbers.counting(state.referenceCounters());
        for (int i = 0; i < count; i++) {
            int session = i;
            sessions.add(new Correlation(rules, scenario.start(), placed
                    ? state.placed(null, numbers, new Placement(d -> sessionOf.applyAsInt(d) == session, List.of()))
                    : state));
        }
    }

    /**
     * One step: each session's cycle at {@code now} with the maintenance plans and the alarms of its
     * domains (a plan over several domains goes to the least ticket home of its devices, as engines key
     * it), then the relays.
     */
    void step(Instant now, List<noc.maintenance.MaintenanceRequest> plans, List<AlarmEvent> alarms) {
        List<List<Object>> inputs = empty();
        for (noc.maintenance.MaintenanceRequest plan : plans) {
            String owner = domains.windowOwner(plan.devices(), plan.sites(), plan.services())
                    .orElseThrow(() -> new AssertionError("a plan the inventory places nowhere"));
            inputs.get(sessionOf.applyAsInt(owner)).add(plan);
        }
        for (AlarmEvent alarm : alarms) {
            inputs.get(sessionOf.applyAsInt(domains.ofSource(alarm.source()))).add(alarm);
        }
        for (int rounds = 0; ; rounds++) {
            if (rounds > 10) {
                throw new AssertionError("the sessions keep sending each other records");
            }
            List<List<Object>> next = empty();
            boolean sent = false;
            for (int i = 0; i < sessions.size(); i++) {
                if (rounds > 0 && inputs.get(i).isEmpty()) {
                    continue;
                }
                CycleChanges changes = sessions.get(i).cycle(now, inputs.get(i), (input, e) -> {
                    throw new AssertionError("a rule threw on " + input, e);
                });
                for (ServiceAccess access : changes.rows(ServiceAccess.class)) {
                    next.get(sessionOf.applyAsInt(access.home())).add(access);
                    sent = true;
                }
                for (AlarmTicket told : changes.rows(AlarmTicket.class)) {
                    next.get(sessionOf.applyAsInt(told.domain())).add(told);
                    sent = true;
                }
                for (WindowScope scope : changes.rows(WindowScope.class)) {
                    next.get(sessionOf.applyAsInt(scope.domain())).add(scope);
                    sent = true;
                }
            }
            if (!sent) {
                return;
            }
            inputs = next;
        }
    }

    private List<List<Object>> empty() {
        List<List<Object>> lists = new ArrayList<>();
        sessions.forEach(s -> lists.add(new ArrayList<>()));
        return lists;
    }

    /** Every session's tickets by title and opening time: status, priority, major, customers, and its alarms' keys. */
    Map<String, String> tickets() {
        Map<String, String> seen = new TreeMap<>();
        for (Correlation session : sessions) {
            for (Ticket ticket : session.facts(Ticket.class)) {
                List<String> alarms = session.facts(Alarm.class).stream()
                        .filter(a -> ticket.reference().equals(a.ticketReference()))
                        .map(a -> a.reductionKey() + (a.isRaised() ? "" : " (cleared)")).sorted().toList();
                String was = seen.put(ticket.title() + " opened " + ticket.openedAt(), ticket.status() + " " + ticket.priority()
                        + (ticket.major() ? " major" : "") + " customers " + ticket.customers() + " alarms " + alarms
                        + " escalation " + ticket.escalation().level());
                if (was != null) {
                    throw new AssertionError("two tickets titled " + ticket.title() + " opened at once");
                }
            }
        }
        return seen;
    }

    /**
     * Every alarm by reduction key, from the session that holds it (a mirror is not the alarm), with
     * the title of its ticket.
     */
    Map<String, String> alarms() {
        Map<String, String> titles = new LinkedHashMap<>();
        sessions.forEach(s -> s.facts(Ticket.class).forEach(t -> titles.put(t.reference(), t.title())));
        Map<String, String> seen = new TreeMap<>();
        for (Correlation session : sessions) {
            for (Alarm alarm : session.facts(Alarm.class)) {
                if (sessions.size() > 1 && sessionOf.applyAsInt(domains.ofSource(alarm.source()))
                        != sessions.indexOf(session)) {
                    continue; // a mirror
                }
                seen.put(alarm.reductionKey(), alarm.state() + " on " + (alarm.ticketReference() == null ? "no ticket"
                        : titles.getOrDefault(alarm.ticketReference(), "a ticket no session holds")));
            }
        }
        return seen;
    }

    @Override
    public void close() {
        sessions.forEach(Correlation::close);
    }
}
