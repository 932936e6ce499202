package noc.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.kie.api.runtime.rule.FactHandle;

/**
 * The facts of one type in a session, by key, so that a feature replaces the version a rule matched
 * with its current one and the cycle records the row it changed. Only the engine thread uses it.
 *
 * @param <T> the immutable fact type; a change replaces the fact with a changed copy
 */
public final class FactTable<T> {

    private final SessionContext context;
    private final Class<T> type;
    private final Function<T, String> key;
    private final boolean recorded;
    private final Map<String, FactHandle> handles = new HashMap<>();

    FactTable(SessionContext context, Class<T> type, Function<T, String> key, boolean recorded) {
        this.context = context;
        this.type = type;
        this.key = key;
        this.recorded = recorded;
    }

    /** The fact of {@code key} in the session, or null. */
    public T get(String factKey) {
        FactHandle handle = handles.get(factKey);
        return handle == null ? null : type.cast(handle.getObject());
    }

    /** The fact of {@code key}, which must be in the session. */
    public T require(String factKey) {
        T fact = get(factKey);
        if (fact == null) {
            throw new IllegalStateException(type.getSimpleName() + " not in the session: " + factKey);
        }
        return fact;
    }

    public boolean contains(String factKey) {
        return handles.containsKey(factKey);
    }

    /** Puts a fact in the session (as loaded: not recorded as a change). */
    public void load(T fact) {
        handles.put(key.apply(fact), context.session().insert(fact));
    }

    /** Puts a new fact in the session and records it as changed in this cycle. */
    public T insert(T fact) {
        load(fact);
        record(fact);
        return fact;
    }

    /**
     * Replaces the fact of the same key with {@code fact} and records it; {@code changedProperties}, when
     * given, tell Drools which properties changed, so that patterns reading none of them are not
     * evaluated again (property reactivity).
     */
    public T replace(T fact, String... changedProperties) {
        FactHandle handle = handles.get(key.apply(fact));
        if (handle == null) {
            throw new IllegalStateException(type.getSimpleName() + " not in the session: " + key.apply(fact));
        }
        if (changedProperties.length == 0) {
            context.session().update(handle, fact);
        } else {
            context.session().update(handle, fact, changedProperties);
        }
        record(fact);
        return fact;
    }

    /** Takes the fact of {@code key} out of the session (its row stays as the cycle recorded it). */
    public void remove(String factKey) {
        FactHandle handle = handles.remove(factKey);
        if (handle != null) {
            context.session().delete(handle);
        }
    }

    /** Takes out of the session the facts {@code retired} selects. */
    public void removeIf(Predicate<T> retired) {
        for (var iterator = handles.values().iterator(); iterator.hasNext(); ) {
            FactHandle handle = iterator.next();
            if (retired.test(type.cast(handle.getObject()))) {
                context.session().delete(handle);
                iterator.remove();
            }
        }
    }

    /** Brings the table in line with {@code wanted}, by key, without recording changes (reference data). */
    public void sync(Map<String, T> wanted) {
        for (var iterator = handles.entrySet().iterator(); iterator.hasNext(); ) {
            var entry = iterator.next();
            if (!wanted.containsKey(entry.getKey())) {
                context.session().delete(entry.getValue());
                iterator.remove();
            }
        }
        wanted.forEach((factKey, fact) -> {
            FactHandle handle = handles.get(factKey);
            if (handle == null) {
                handles.put(factKey, context.session().insert(fact));
            } else if (!handle.getObject().equals(fact)) {
                context.session().update(handle, fact);
            }
        });
    }

    public Collection<T> values() {
        List<T> values = new ArrayList<>(handles.size());
        handles.values().forEach(handle -> values.add(type.cast(handle.getObject())));
        return values;
    }

    private void record(T fact) {
        if (recorded) {
            context.changes().row(type, key.apply(fact), fact);
        }
    }
}
