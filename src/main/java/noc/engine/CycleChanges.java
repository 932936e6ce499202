package noc.engine;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import noc.alarm.SourceKind;

/**
 * What one engine cycle changed, to be written in one transaction. The engine knows no feature: the
 * features record here the final state of each row they changed, by type and key ({@link #row}), and
 * anything else the cycle must write in parts of their own ({@link #part}); the engine only counts
 * how many events of each intake the cycle took in.
 */
public final class CycleChanges {

    /** Something a feature records in a cycle besides rows (journal lines, counters, notifications). */
    public interface Part {
        boolean isEmpty();
    }

    private final Map<Class<?>, Map<String, Object>> rows = new LinkedHashMap<>();
    private final Map<Class<?>, Part> parts = new LinkedHashMap<>();
    private final Map<SourceKind, Integer> events = new EnumMap<>(SourceKind.class);
    private final Map<Object, Object> replies = new java.util.IdentityHashMap<>();
    private long inputsUpTo = -1;

    /** The row of {@code type} and {@code key} as the cycle leaves it (the last one recorded wins). */
    public <T> void row(Class<T> type, String key, T value) {
        rows.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(key, value);
    }

    /** Forgets the row of {@code type} and {@code key} the cycle recorded: it is not this session's to write. */
    public <T> void drop(Class<T> type, String key) {
        Map<String, Object> changed = rows.get(type);
        if (changed != null) {
            changed.remove(key);
        }
    }

    /** The rows of {@code type} the cycle changed, in the order first changed. */
    @SuppressWarnings("unchecked")
    public <T> Collection<T> rows(Class<T> type) {
        Map<String, Object> changed = rows.get(type);
        return changed == null ? java.util.List.of() : (Collection<T>) changed.values();
    }

    /** The row of {@code type} and {@code key} as the cycle left it, if the cycle changed it; else null. */
    public <T> T row(Class<T> type, String key) {
        Map<String, Object> changed = rows.get(type);
        return changed == null ? null : type.cast(changed.get(key));
    }

    /** The cycle's part of {@code kind}, made by {@code create} the first time it is asked for. */
    public <P extends Part> P part(Class<P> kind, Supplier<P> create) {
        return kind.cast(parts.computeIfAbsent(kind, k -> create.get()));
    }

    /** The cycle's part of {@code kind}, or null when nothing made it. */
    public <P extends Part> P partOrNull(Class<P> kind) {
        return kind.cast(parts.get(kind));
    }

    void reply(Object input, Object reply) {
        replies.put(input, reply);
    }

    /** What the rules answered the sender of {@code input} (the very object queued), or null. */
    public Object replyTo(Object input) {
        return replies.get(input);
    }

    void event(SourceKind kind) {
        events.merge(kind, 1, Integer::sum);
    }

    public Map<SourceKind, Integer> events() {
        return events;
    }

    /**
     * The position in its source of the last input the cycle took (a Kafka offset, for an engine
     * consuming a partition), or -1 when its inputs have none: written in the cycle's transaction, so
     * that what was applied and where to resume move together.
     */
    public long inputsUpTo() {
        return inputsUpTo;
    }

    void inputsUpTo(long position) {
        inputsUpTo = Math.max(inputsUpTo, position);
    }

    public boolean isEmpty() {
        return rows.values().stream().allMatch(Map::isEmpty) && parts.values().stream().allMatch(Part::isEmpty);
    }
}
