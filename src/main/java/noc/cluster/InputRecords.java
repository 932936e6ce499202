package noc.cluster;

import java.io.IOException;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import noc.alarm.AlarmEvent;
import noc.alarm.AlarmTicket;
import noc.alarm.ServiceAccess;
import noc.maintenance.WindowScope;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand;

/**
 * The records of the inputs topic ({@code noc.cluster.topic}): what a collector publishes and an
 * engine consumes, as JSON with a {@code type} and a {@code version}. A rolling upgrade meets records
 * of the other version, so an engine refuses a type or a version it does not know (it is counted and
 * skipped) rather than guessing at it.
 *
 * <ul>
 *   <li>{@code alarm}: one {@link AlarmEvent} (a trap, an inform);</li>
 *   <li>{@code alarms}: the alarms of one HTTP request, applied together in one cycle as in the single
 *       process, so that a request is never half applied;</li>
 *   <li>{@code service-access}: the state of an alarm whose ticket the session of its group's home
 *       decides ({@link ServiceAccess}, keyed by that home), sent by the engines' {@link AccessPublisher};</li>
 *   <li>{@code alarm-ticket}: the ticket that home gave it ({@link AlarmTicket}, keyed by the alarm's
 *       domain), sent back the same way;</li>
 *   <li>{@code window-scope}: a maintenance window held by another session whose scope covers devices
 *       of this one ({@link WindowScope}, keyed by their domain), sent the same way.</li>
 * </ul>
 *
 * People's commands travel with an {@code id}, under which the engine that applies them writes their
 * outcome ({@link Command}), and the command itself as {@code command}, the JSON of its record:
 *
 * <ul>
 *   <li>{@code ticket-command}: a {@link TicketCommand}, its {@code action} naming which;</li>
 *   <li>{@code declaration}: a customer's {@link Declaration};</li>
 *   <li>{@code maintenance-request}: a {@link MaintenanceRequest} (planning a window);</li>
 *   <li>{@code maintenance-completion}: a {@link MaintenanceCompletion} ("operation done").</li>
 * </ul>
 */
@Singleton
public final class InputRecords {

    /** The version this node writes, and the newest it reads. */
    public static final int VERSION = 1;
    /** The longest command id. */
    public static final int MAX_ID = 64;

    private static final String TICKET_COMMAND = "ticket-command";
    private static final String DECLARATION = "declaration";
    private static final String MAINTENANCE_REQUEST = "maintenance-request";
    private static final String MAINTENANCE_COMPLETION = "maintenance-completion";
    private static final String SERVICE_ACCESS = "service-access";
    private static final String ALARM_TICKET = "alarm-ticket";
    private static final String WINDOW_SCOPE = "window-scope";

    private final JsonMapper json;

    public InputRecords(JsonMapper json) {
        this.json = json;
    }

    /** The record of one alarm. */
    public byte[] alarm(AlarmEvent event) {
        return write(new Wire("alarm", VERSION, event, null, null, null, null, null, null, null));
    }

    /** The record of the alarms of one request, applied together. */
    public byte[] alarms(List<AlarmEvent> events) {
        return write(new Wire("alarms", VERSION, null, List.copyOf(events), null, null, null, null, null, null));
    }

    /** The record of the state of an alarm whose ticket another session decides, for that session. */
    public byte[] access(ServiceAccess access) {
        return write(new Wire(SERVICE_ACCESS, VERSION, null, null, null, null, null, access, null, null));
    }

    /** The record of the ticket a home session gave an alarm of another session, for that session. */
    public byte[] ticket(AlarmTicket ticket) {
        return write(new Wire(ALARM_TICKET, VERSION, null, null, null, null, null, null, ticket, null));
    }

    /** The record of a maintenance window of another session that covers devices of this one, for this one. */
    public byte[] window(WindowScope scope) {
        return write(new Wire(WINDOW_SCOPE, VERSION, null, null, null, null, null, null, null, scope));
    }

    /** The record of a person's command, under {@code id}. */
    public byte[] command(String id, Object command) {
        checkId(id);
        String action = null;
        String type;
        if (command instanceof TicketCommand ticket) {
            action = ticket.action().name();
            type = TICKET_COMMAND;
        } else if (command instanceof Declaration) {
            type = DECLARATION;
        } else if (command instanceof MaintenanceRequest) {
            type = MAINTENANCE_REQUEST;
        } else if (command instanceof MaintenanceCompletion) {
            type = MAINTENANCE_COMPLETION;
        } else {
            throw new IllegalArgumentException("not a command the inputs topic carries: "
                    + (command == null ? "null" : command.getClass().getName()));
        }
        JsonNode body;
        try {
            body = json.writeValueToTree(command);
        } catch (IOException e) {
            throw new IllegalStateException("a command could not be written as a record", e);
        }
        return write(new Wire(type, VERSION, null, null, id, action, body, null, null, null));
    }

    private static void checkId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("a command's id must have 1 to " + MAX_ID + " characters");
        }
    }

    /**
     * The input a record carries: an {@link AlarmEvent}, a {@link List} of them to apply together, a
     * {@link ServiceAccess}, an {@link AlarmTicket}, a {@link WindowScope}, or a person's {@link Command}.
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
        if (wire == null) {
            throw new RefusedRecordException("unreadable");
        }
        // A command this node cannot read still has its outcome written, so that its sender is answered.
        String id = wire.id() != null && !wire.id().isBlank() && wire.id().length() <= MAX_ID ? wire.id() : null;
        if (wire.type() == null) {
            throw new RefusedRecordException("no_type", id);
        }
        if (wire.version() < 1 || wire.version() > VERSION) {
            throw new RefusedRecordException("unknown_version", id);
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
            case SERVICE_ACCESS -> {
                if (wire.access() == null) {
                    throw new RefusedRecordException("no_access");
                }
                yield wire.access();
            }
            case ALARM_TICKET -> {
                if (wire.ticket() == null) {
                    throw new RefusedRecordException("no_ticket");
                }
                yield wire.ticket();
            }
            case WINDOW_SCOPE -> {
                if (wire.window() == null) {
                    throw new RefusedRecordException("no_window");
                }
                yield wire.window();
            }
            case TICKET_COMMAND -> command(wire, id, ticketCommand(wire.action(), id));
            case DECLARATION -> command(wire, id, Declaration.class);
            case MAINTENANCE_REQUEST -> command(wire, id, MaintenanceRequest.class);
            case MAINTENANCE_COMPLETION -> command(wire, id, MaintenanceCompletion.class);
            default -> throw new RefusedRecordException("unknown_type", id);
        };
    }

    private Command command(Wire wire, String id, Class<?> type) {
        if (id == null) {
            throw new RefusedRecordException("no_id");
        }
        if (wire.command() == null || !wire.command().isObject()) {
            throw new RefusedRecordException("no_command", id);
        }
        Object command;
        try {
            command = json.readValueFromTree(wire.command(), Argument.of(type));
        } catch (IOException | RuntimeException e) {
            throw new RefusedRecordException("invalid_command", id);
        }
        if (command == null) {
            throw new RefusedRecordException("invalid_command", id);
        }
        return new Command(id, command);
    }

    /** The record class of a ticket command's {@code action}. */
    private static Class<? extends TicketCommand> ticketCommand(String action, String id) {
        TicketAction named;
        try {
            named = TicketAction.valueOf(action == null ? "" : action);
        } catch (IllegalArgumentException e) {
            throw new RefusedRecordException("unknown_action", id);
        }
        return switch (named) {
            case ACKNOWLEDGE -> TicketCommand.Acknowledge.class;
            case COMMENT -> TicketCommand.Comment.class;
            case SET_PRIORITY -> TicketCommand.SetPriority.class;
            case WAIT -> TicketCommand.Wait.class;
            case ASK_CUSTOMER -> TicketCommand.AskCustomer.class;
            case CUSTOMER_REPLY -> TicketCommand.CustomerReply.class;
            case RESUME -> TicketCommand.Resume.class;
            case RESOLVE -> TicketCommand.Resolve.class;
            case CONFIRM -> TicketCommand.Confirm.class;
            case DISPUTE -> TicketCommand.Dispute.class;
            case CLOSE_UNRESPONSIVE -> TicketCommand.CloseUnresponsive.class;
            case ESCALATE -> TicketCommand.Escalate.class;
            case ACKNOWLEDGE_ESCALATION -> TicketCommand.AcknowledgeEscalation.class;
            case LINK_CUSTOMER -> TicketCommand.LinkCustomer.class;
        };
    }

    /** A person's command as it came off the topic, with the id its outcome is written under. */
    public record Command(String id, Object command) {
        public Command {
            checkId(id);
            java.util.Objects.requireNonNull(command, "command is null");
        }
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
    record Wire(String type, int version, @Nullable AlarmEvent alarm, @Nullable List<AlarmEvent> alarms,
                @Nullable String id, @Nullable String action, @Nullable JsonNode command,
                @Nullable ServiceAccess access, @Nullable AlarmTicket ticket, @Nullable WindowScope window) {
    }

    /**
     * A record this node does not read, with the reason it is counted under, and the id of the command
     * it carries when that much could be read (null otherwise).
     */
    public static final class RefusedRecordException extends RuntimeException {
        private final String reason;
        private final String commandId;

        RefusedRecordException(String reason) {
            this(reason, null);
        }

        RefusedRecordException(String reason, String commandId) {
            super("record refused: " + reason);
            this.reason = reason;
            this.commandId = commandId;
        }

        public String reason() {
            return reason;
        }

        /** The id of the command the record carries, or null. */
        public String commandId() {
            return commandId;
        }
    }
}
