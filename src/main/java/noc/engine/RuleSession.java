package noc.engine;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieServices;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * One Drools session on a pseudo clock that the engine moves to the injected clock's time each
 * cycle. Only the engine thread touches it. Knows nothing of alarms or tickets.
 */
public final class RuleSession implements AutoCloseable {

    private final KieSession session;
    private final SessionPseudoClock clock;
    private final CompiledRules rules;

    public RuleSession(CompiledRules rules, Instant start) {
        this.rules = rules;
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        this.session = rules.kieBase().newKieSession(configuration, null);
        this.clock = session.getSessionClock();
        advanceTo(start);
    }

    public CompiledRules rules() {
        return rules;
    }

    /** Moves the session clock forward to {@code now}; it never goes back. */
    public void advanceTo(Instant now) {
        long delta = now.toEpochMilli() - clock.getCurrentTime();
        if (delta > 0) {
            clock.advanceTime(delta, TimeUnit.MILLISECONDS);
        }
    }

    public void setGlobal(String name, Object value) {
        if (rules.kieBase().getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> g.getName().equals(name))) {
            session.setGlobal(name, value);
        }
    }

    public void addListener(AgendaEventListener listener) {
        session.addEventListener(listener);
    }

    public void addListener(org.kie.api.event.rule.RuleRuntimeEventListener listener) {
        session.addEventListener(listener);
    }

    public FactHandle insert(Object fact) {
        return session.insert(fact);
    }

    public void update(FactHandle handle, Object fact) {
        session.update(handle, fact);
    }

    /** Replaces a fact, naming the properties that changed (property reactivity). */
    public void update(FactHandle handle, Object fact, String... changedProperties) {
        session.update(handle, fact, changedProperties);
    }

    public void delete(FactHandle handle) {
        session.delete(handle);
    }

    public FactHandle handleOf(Object fact) {
        return session.getFactHandle(fact);
    }

    public <T> java.util.List<T> objects(Class<T> type) {
        return session.getObjects(type::isInstance).stream().map(type::cast).toList();
    }

    public long factCount() {
        return session.getFactCount();
    }

    public int fire() {
        return session.fireAllRules();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
