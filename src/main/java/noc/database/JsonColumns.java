package noc.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** Text columns that hold JSON: attribute maps and key lists. */
@Singleton
public final class JsonColumns {

    private static final Argument<Map<String, String>> MAP = Argument.mapOf(String.class, String.class);
    private static final Argument<List<String>> LIST = Argument.listOf(String.class);

    private final JsonMapper mapper;

    public JsonColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON " + type.getSimpleName() + ": " + json, e);
        }
    }

    public Map<String, String> readMap(String json) {
        try {
            // "{}" is most alarms' attributes: not worth a parse each when a session loads 100,000 alarms
            return json == null || json.isEmpty() || "{}".equals(json) ? Map.of() : mapper.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object of strings: " + json, e);
        }
    }

    public List<String> readList(String json) {
        try {
            return json == null || json.isEmpty() || "[]".equals(json) ? List.of() : mapper.readValue(json, LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array of strings: " + json, e);
        }
    }
}
