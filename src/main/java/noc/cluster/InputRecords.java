package noc.cluster;

import java.io.IOException;
import java.util.List;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import noc.alarm.AlarmEvent;

/**
 * The records of the inputs topic ({@code noc.cluster.topic}): what a collector publishes and an
 * engine consumes, as JSON with a {@code type} and a {@code version}. A rolling upgrade meets records
 * of the other version, so an engine refuses a type or a version it does not know (it is counted and
 * skipped) rather than guessing at it.
 *
 * <ul>
 *   <li>{@code alarm}: one {@link AlarmEvent} (a trap, an inform);</li>
 *   <li>{@code alarms}: the alarms of one HTTP request, applied together in one cycle as in the single
 *       process, so that a request is never half applied.</li>
 * </ul>
 */
@Singleton
public final class InputRecords {

    /** The version this node writes, and the newest it reads. */
    public static final int VERSION = 1;

    private final JsonMapper json;

    public InputRecords(JsonMapper json) {
        this.json = json;
    }

    /** The record of one alarm. */
    public byte[] alarm(AlarmEvent event) {
        return write(new Wire("alarm", VERSION, event, null));
    }

    /** The record of the alarms of one request, applied together. */
    public byte[] alarms(List<AlarmEvent> events) {
        return write(new Wire("alarms", VERSION, null, List.copyOf(events)));
    }

    /**
     * The input a record carries: an {@link AlarmEvent}, or a {@link List} of them to apply together.
     *
     * @throws RefusedRecordException naming why, when the record is not one this node reads
     */
    public Object read(byte[] record) {
        if (record == null) {
            throw new RefusedRecordException("empty");
        }
        Wire wire;
        try {
            wire = json.readValue(record, Argument.of(Wire.class));
        } catch (IOException | RuntimeException e) {
            throw new RefusedRecordException("unreadable");
        }
        if (wire == null || wire.type() == null) {
            throw new RefusedRecordException("no_type");
        }
        if (wire.version() < 1 || wire.version() > VERSION) {
            throw new RefusedRecordException("unknown_version");
        }
        return switch (wire.type()) {
            case "alarm" -> {
                if (wire.alarm() == null) {
                    throw new RefusedRecordException("no_alarm");
                }
                yield wire.alarm();
            }
            case "alarms" -> {
                if (wire.alarms() == null || wire.alarms().isEmpty()) {
                    throw new RefusedRecordException("no_alarm");
                }
                yield List.copyOf(wire.alarms());
            }
            default -> throw new RefusedRecordException("unknown_type");
        };
    }

    private byte[] write(Wire wire) {
        try {
            return json.writeValueAsBytes(wire);
        } catch (IOException e) {
            throw new IllegalStateException("an input could not be written as a record", e);
        }
    }

    /** A record as it travels. */
    @Serdeable
    record Wire(String type, int version, AlarmEvent alarm, List<AlarmEvent> alarms) {
    }

    /** A record this node does not read, with the reason it is counted under. */
    public static final class RefusedRecordException extends RuntimeException {
        private final String reason;

        RefusedRecordException(String reason) {
            super("record refused: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
