package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The state table rules/README shows ops staff is the one the rules consult. */
class TicketStateTableTest {

    @Test
    void theReadmeTableIsTheCodesTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("rules/README.md"));
        int header = lines.indexOf("| action | OPEN | ACKNOWLEDGED | IN_PROGRESS | WAITING_ON_CUSTOMER | RESOLVED |");
        assertThat(header).as("the state table's header in rules/README.md").isPositive();
        List<TicketStatus> columns = List.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED);
        Map<String, Set<TicketStatus>> documented = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            Set<TicketStatus> from = EnumSet.noneOf(TicketStatus.class);
            for (int i = 0; i < columns.size(); i++) {
                if (cells[i + 2].strip().equals("yes")) {
                    from.add(columns.get(i));
                }
            }
            documented.put(cells[1].strip(), from);
        }
        Map<String, Set<TicketStatus>> code = new LinkedHashMap<>();
        for (TicketAction action : TicketAction.values()) {
            code.put(action.path(), EnumSet.copyOf(action.from()));
        }
        assertThat(documented).isEqualTo(code);
    }

    @Test
    void anActionIsAllowedFromExactlyTheStatesOfItsRow() {
        assertThat(TicketAction.CONFIRM.allowedFrom(TicketStatus.RESOLVED)).isTrue();
        assertThat(TicketAction.CONFIRM.allowedFrom(TicketStatus.OPEN)).isFalse();
        assertThat(TicketAction.CONFIRM.refusal(TicketStatus.OPEN)).hasValueSatisfying(
                reason -> assertThat(reason).contains("open").contains("resolved"));
    }
}
