package noc.shadow;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.micronaut.json.tree.JsonNode;
import noc.alarm.AlarmEvent;
import noc.api.FieldReader;
import noc.api.Problem;
import noc.ingest.http.GenericAlarmDecoder;

/**
 * A recorded input file for an offline shadow run: JSON lines, in time order, each
 * {@code {"at": "2026-03-02T08:00:00Z", "alarm": {...}}} with an alarm as {@code POST /api/v1/alarms}
 * takes it, or {@code {"at": "..."}} alone to let time pass until then. Blank lines and lines that
 * start with {@code #} are skipped.
 */
final class RecordedInputs {

    /** One line: a time, and the alarm that arrived then (null when only time passes). */
    record Recorded(Instant at, AlarmEvent alarm) {
    }

    /** A file that cannot be read as recorded inputs; the message names the line and field. */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    private RecordedInputs() {
    }

    static List<Recorded> read(Path file) throws IOException, UnreadableException {
        List<Recorded> recorded = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                Recorded next = parse(yaml, line, "line " + number);
                if (!recorded.isEmpty() && next.at().isBefore(recorded.get(recorded.size() - 1).at())) {
                    throw new UnreadableException("line " + number + ": at " + next.at()
                            + " is before the line above it; the lines go in time order");
                }
                recorded.add(next);
            }
        }
        if (recorded.isEmpty()) {
            throw new UnreadableException(file + " holds no input");
        }
        return recorded;
    }

    private static Recorded parse(Yaml yaml, String line, String where) throws UnreadableException {
        Object document;
        try {
            document = yaml.load(line);
        } catch (RuntimeException e) {
            throw new UnreadableException(where + ": not JSON");
        }
        if (!(document instanceof Map<?, ?> fields)) {
            throw new UnreadableException(where + ": not a JSON object");
        }
        for (Object key : fields.keySet()) {
            if (!"at".equals(key) && !"alarm".equals(key)) {
                throw new UnreadableException(where + ": unknown field '" + key + "' (at, alarm)");
            }
        }
        FieldReader reader = new FieldReader();
        Instant at = fields.get("at") instanceof String text ? reader.time(text, "at") : null;
        if (at == null) {
            throw new UnreadableException(where + ": at is required, an RFC 3339 time such as 2026-03-02T08:00:00Z");
        }
        if (!fields.containsKey("alarm")) {
            return new Recorded(at, null);
        }
        List<AlarmEvent> events = GenericAlarmDecoder.decode(JsonNode.from(fields.get("alarm")), at, reader, 1);
        if (!reader.ok() || events.size() != 1) {
            List<String> errors = new ArrayList<>();
            for (Problem.FieldError error : reader.errors()) {
                errors.add("alarm" + (error.field().isEmpty() ? "" : "." + error.field()) + " " + error.message());
            }
            throw new UnreadableException(where + ": " + (errors.isEmpty() ? "alarm must be one alarm object"
                    : String.join("; ", errors)));
        }
        return new Recorded(at, events.get(0));
    }
}
