package noc.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The engine's side of one session, which the features act through: the engine time of the cycle,
 * the facts by type and key ({@link #table}), the cycle's changes, the inputs the rules consume or
 * derive, the answer a rule gives an input's sender, and the provenance of every change (the rule
 * firing and the facts it matched). Knows no feature. Only the engine thread uses it.
 */
public final class SessionContext {

    private final RuleSession session;
    private final FactHandle nowHandle;
    private final List<FactHandle> derivedInputs = new ArrayList<>();
    private final List<FactHandle> signals = new ArrayList<>();
    private Instant now;
    /** The least time between two moves of the {@link Now} fact. */
    private final Duration nowResolution;
    /** The time the {@link Now} fact holds. */
    private Instant nowFact;
    private CycleChanges changes = new CycleChanges();
    private String rule;
    private List<? extends Object> ruleFacts = List.of();

    SessionContext(RuleSession session, Instant start, Duration nowResolution) {
        this.session = session;
        this.now = start;
        this.nowResolution = nowResolution;
        this.nowFact = start;
        this.nowHandle = session.insert(new Now(start));
        session.addListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                // Kept as they are: the keys are only worked out for the changes that need them.
                rule = event.getMatch().getRule().getName();
                ruleFacts = event.getMatch().getObjects();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                outsideRules();
            }
        });
    }

    RuleSession session() {
        return session;
    }

    /** A table of facts of {@code type} whose changes are rows the cycle writes. */
    public <T> FactTable<T> table(Class<T> type, Function<T, String> key) {
        return new FactTable<>(this, type, key, true);
    }

    /** A table of reference facts (the inventory), brought in line with their source, never written. */
    public <T> FactTable<T> referenceTable(Class<T> type, Function<T, String> key) {
        return new FactTable<>(this, type, key, false);
    }

    /** Puts a fact that no feature keys (a policy) in the session. */
    public void insert(Object fact) {
        session.insert(fact);
    }

    /** Makes {@code value} the global {@code name} of the rules, when some rule file declares it. */
    public void global(String name, Object value) {
        session.setGlobal(name, value);
    }

    /** The facts of {@code type} now in the session. */
    public <T> List<T> objects(Class<T> type) {
        return session.objects(type);
    }

    /** The engine time of the cycle. */
    public Instant now() {
        return now;
    }

    public CycleChanges changes() {
        return changes;
    }

    /** The name of the rule whose consequence runs, or {@code engine} outside the rules. */
    public String rule() {
        return rule == null ? "engine" : rule;
    }

    /** The name of the rule whose consequence runs, or null outside the rules. */
    public String firingRule() {
        return rule;
    }

    /** The facts the firing rule matched. */
    public List<? extends Object> ruleFacts() {
        return ruleFacts;
    }

    /** The input is dealt with: it leaves the session. */
    public void consume(Object input) {
        FactHandle handle = session.handleOf(input);
        if (handle != null) {
            session.delete(handle);
        }
    }

    /** An input the rules make of the one being handled (a re-keyed event), gone with it when unconsumed. */
    public void derive(Object input) {
        derivedInputs.add(session.insert(input));
    }

    /**
     * Tells the rules of the firing under way something that happened ({@code AlarmReturned}): a fact
     * for the rules that react to it, taken out once the firing is over, consumed or not.
     */
    public void signal(Object fact) {
        signals.add(session.insert(fact));
    }

    /** What the sender of {@code input} is answered once the cycle commits (a refusal, a reference). */
    public void reply(Object input, Object reply) {
        changes.reply(input, reply);
    }

    void beginCycle(Instant cycleTime) {
        now = cycleTime;
        session.advanceTo(cycleTime);
        // Every rule joining Now to the tickets or alarms is evaluated again for each of them when
        // it moves: under load, once per resolution rather than once per cycle.
        if (!cycleTime.isBefore(nowFact.plus(nowResolution))) {
            session.update(nowHandle, new Now(cycleTime));
            nowFact = cycleTime;
        }
        changes = new CycleChanges();
        outsideRules();
    }

    /** What follows is the engine's doing, not a rule's. */
    void outsideRules() {
        rule = null;
        ruleFacts = List.of();
    }

    /** Takes the signals of the firing that ended out of the session. */
    void clearSignals() {
        for (FactHandle signal : signals) {
            if (session.handleOf(signal.getObject()) != null) {
                session.delete(signal);
            }
        }
        signals.clear();
    }

    List<FactHandle> takeDerivedInputs() {
        if (derivedInputs.isEmpty()) {
            return List.of();
        }
        List<FactHandle> taken = List.copyOf(derivedInputs);
        derivedInputs.clear();
        return taken;
    }
}
