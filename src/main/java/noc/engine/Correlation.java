package noc.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import org.kie.api.runtime.rule.FactHandle;

import noc.alarm.AlarmEvent;

/**
 * A rules session with the facts the rules reason over, run one cycle at a time: the part of the
 * engine that needs no thread, queue or database, so that tests and the scenario runner drive it on a
 * simulated clock exactly as the engine does on the real one. What the facts are, and what the rules
 * may do to them, is the domain's ({@link Domain.Seed}).
 */
public final class Correlation implements AutoCloseable {

    private final RuleSession session;
    private final SessionContext context;
    private final Domain.Session domain;
    private long unconsumed;

    public Correlation(CompiledRules rules, Instant start, Domain.Seed seed) {
        this(rules, start, seed, Duration.ZERO);
    }

    /**
     * @param nowResolution the least time between two moves of the rules' {@link Now}: zero moves it
     *                      at every cycle (tests, scenarios, shadow runs); the engine moves it once per
     *                      tick, so that a burst of cycles does not re-evaluate every deadline each time
     */
    public Correlation(CompiledRules rules, Instant start, Domain.Seed seed, Duration nowResolution) {
        this.session = new RuleSession(rules, start);
        this.context = new SessionContext(session, start, nowResolution);
        this.domain = seed.plant(context);
    }

    /**
     * Runs one cycle at {@code now}: fires the rules once for the time, then once per input, in
     * order, so that the outcome does not depend on how inputs were batched; then the domain
     * completes the cycle's changes (a failure there is reported, and what the rules did stands).
     *
     * @param onRuleFailure told of each input (null for the clock tick) on which a rule threw; what
     *                      the rule did before throwing stays, the input is taken out
     */
    public CycleChanges cycle(Instant now, List<?> inputs, BiConsumer<Object, RuntimeException> onRuleFailure) {
        context.beginCycle(now);
        domain.beginCycle();
        fire(null, onRuleFailure);
        for (Object input : inputs) {
            if (input instanceof EngineQueue.Batch batch) {
                for (Object each : batch.inputs()) {
                    admit(each, onRuleFailure);
                }
            } else {
                admit(input, onRuleFailure);
            }
        }
        context.outsideRules();
        CycleChanges changes = context.changes();
        try {
            domain.endCycle(changes);
        } catch (RuntimeException e) {
            onRuleFailure.accept("the end of the cycle", e);
        }
        return changes;
    }

    private void admit(Object input, BiConsumer<Object, RuntimeException> onRuleFailure) {
        context.outsideRules();
        if (domain.absorb(input)) {
            if (domain.firesOnAbsorbing(input)) {
                fire(input, onRuleFailure);
            }
            return;
        }
        if (input instanceof AlarmEvent event) {
            context.changes().event(event.sourceKind());
        }
        FactHandle handle = session.insert(input);
        fire(input, onRuleFailure);
        // An input is for one cycle: what no rule consumed (or a rule that threw left) goes now,
        // so that nothing piles up in the session.
        if (session.handleOf(input) != null) {
            session.delete(handle);
            unconsumed++;
        }
        for (FactHandle derived : context.takeDerivedInputs()) {
            if (session.handleOf(derived.getObject()) != null) {
                session.delete(derived);
                unconsumed++;
            }
        }
    }
    private void fire(Object input, BiConsumer<Object, RuntimeException> onRuleFailure) {
        try {
            session.fire();
        } catch (RuntimeException e) {
            onRuleFailure.accept(input, e);
        } finally {
            context.clearSignals();
        }
    }

    /** Inputs no rule consumed since the last call. */
    public long takeUnconsumed() {
        long count = unconsumed;
        unconsumed = 0;
        return count;
    }

    /** Tells {@code listener} the name of every rule that fires from now on (scenario coverage). */
    public void onRuleFired(java.util.function.Consumer<String> listener) {
        session.addListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                listener.accept(event.getMatch().getRule().getName());
            }
        });
    }

    /** Tells {@code listener} of every fact inserted, updated or deleted from now on (a shadow run's view). */
    public void onFactChanged(org.kie.api.event.rule.RuleRuntimeEventListener listener) {
        session.addListener(listener);
    }

    /**
     * Tells {@code listener} of every fact inserted, updated or deleted from now on, with the name of
     * the rule whose consequence changed it, or null for the engine's own changes (scenario
     * provenance). The firing rule is followed here: Drools' {@code getRule()} is null for changes
     * made through the session, as the features make them.
     */
    public void onFactChangeWithRule(BiConsumer<String, org.kie.api.event.rule.RuleRuntimeEvent> listener) {
        onFactChanged(new org.kie.api.event.rule.RuleRuntimeEventListener() {
            @Override
            public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                listener.accept(context.firingRule(), event);
            }

            @Override
            public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                listener.accept(context.firingRule(), event);
            }

            @Override
            public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
                listener.accept(context.firingRule(), event);
            }
        });
    }

    /** The facts of a type now in the session. */
    public <T> List<T> facts(Class<T> type) {
        return session.objects(type);
    }

    public CompiledRules rules() {
        return session.rules();
    }

    public long factCount() {
        return session.factCount();
    }

    @Override
    public void close() {
        session.close();
    }
}
