package noc.cluster;

import java.io.IOException;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;
import noc.ticket.TicketCommand;

/**
 * The rules' replies to people's commands as JSON, for the {@code reply} of a {@link CommandOutcome}:
 * written by the engine that applied the command, read back by the node that answers its sender, which
 * then answers exactly as the single process does from the reply object. The replies are a closed set
 * (only the Java side of the rules replies):
 *
 * <ul>
 *   <li>{@code refused}: a {@link TicketCommand.Refused} (an action the ticket does not allow);</li>
 *   <li>{@code opened}: a {@link Declaration.Opened}, the reference of a declaration's ticket;</li>
 *   <li>{@code planned}: a {@link MaintenanceRequest.Planned}, the reference of a window;</li>
 *   <li>{@code unreadable}: the owner could not read the command's record, and why;</li>
 *   <li>{@code unknown}: a reply of a kind this version does not carry, by its text, which the
 *       answering node refuses to guess at.</li>
 * </ul>
 */
@Singleton
public final class CommandReplies {

    private final JsonMapper json;

    public CommandReplies(JsonMapper json) {
        this.json = json;
    }

    /** The JSON of {@code reply}; null for none. */
    public String write(@Nullable Object reply) {
        if (reply == null) {
            return null;
        }
        Wire wire;
        if (reply instanceof TicketCommand.Refused refused) {
            wire = new Wire("refused", refused, null, null, null);
        } else if (reply instanceof Declaration.Opened opened) {
            wire = new Wire("opened", null, opened.reference(), null, null);
        } else if (reply instanceof MaintenanceRequest.Planned planned) {
            wire = new Wire("planned", null, planned.reference(), null, null);
        } else {
            wire = new Wire("unknown", null, null, String.valueOf(reply), null);
        }
        return write(wire);
    }

    /** The JSON of a command that its owner could not read, for {@code reason}. */
    public String unreadable(String reason) {
        return write(new Wire("unreadable", null, null, null, reason));
    }

    /**
     * The reply {@code text} holds; null for none.
     *
     * @throws IllegalStateException when it is not a reply this node knows
     */
    public Object read(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Wire wire;
        try {
            wire = json.readValue(text, Argument.of(Wire.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("an unreadable command reply: " + text, e);
        }
        Object reply = switch (wire.type() == null ? "" : wire.type()) {
            case "refused" -> wire.refused();
            case "opened" -> wire.reference() == null ? null : new Declaration.Opened(wire.reference());
            case "planned" -> wire.reference() == null ? null : new MaintenanceRequest.Planned(wire.reference());
            default -> null;
        };
        if (reply == null) {
            throw new IllegalStateException("a command reply this node does not know: " + text);
        }
        return reply;
    }

    private String write(Wire wire) {
        try {
            return json.writeValueAsString(wire);
        } catch (IOException e) {
            throw new IllegalStateException("a command reply could not be written", e);
        }
    }

    /** A reply as stored. */
    @Serdeable
    record Wire(String type, @Nullable TicketCommand.Refused refused, @Nullable String reference,
                @Nullable String text, @Nullable String reason) {
    }
}
