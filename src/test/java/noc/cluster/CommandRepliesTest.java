package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.micronaut.json.JsonMapper;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;
import noc.ticket.TicketCommand;

class CommandRepliesTest {

    private final CommandReplies replies = new CommandReplies(JsonMapper.createDefault());

    static List<Object> replies() {
        return List.of(
                new TicketCommand.Refused("Ticket INC-1 is closed", TicketCommand.Refused.Kind.CLOSED, List.of("INC-1")),
                new TicketCommand.Refused("A rule of ours says no"),
                new TicketCommand.Refused("ACKNOWLEDGE is not allowed", TicketCommand.Refused.Kind.STATE,
                        List.of("RESOLVED", "ACKNOWLEDGE", "OPEN")),
                new Declaration.Opened("INC-2026-000001"),
                new MaintenanceRequest.Planned("MNT-2026-000002"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void aReplyComesBackAsTheRulesGaveIt(Object reply) {
        assertThat(replies.read(replies.write(reply))).isEqualTo(reply);
    }

    @Test
    void noReplyIsNoJson() {
        assertThat(replies.write(null)).isNull();
        assertThat(replies.read(null)).isNull();
    }

    @Test
    void aReplyOfAKindThisVersionDoesNotCarryIsRefusedWhenReadNotGuessedAt() {
        String stored = replies.write(new StringBuilder("a reply of the future"));
        assertThat(stored).contains("unknown").contains("a reply of the future");
        assertThatThrownBy(() -> replies.read(stored)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> replies.read("{\"type\":\"opened\"}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> replies.read("not json")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> replies.read(replies.unreadable("unknown_type")))
                .isInstanceOf(IllegalStateException.class);
    }
}
