package noc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** The session is rebuilt from MariaDB: after a restart the same trap merges into the same ticket. */
class RestartIT {

    @Test
    void theSameLinkDownAfterARestartMergesIntoTheExistingTicket() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("restart");
        String reference;
        try (TestApplication first = TestApplication.start(database, Map.of());
             TrapSender sender = new TrapSender(first.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, 5);
            reference = first.awaitList("/api/v1/tickets", tickets -> tickets.size() == 1).get(0)
                    .get("reference").toString();
        }

        try (TestApplication second = TestApplication.start(database, Map.of());
             TrapSender sender = new TrapSender(second.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, 5);
            List<Map<String, Object>> alarms = second.awaitList("/api/v1/alarms",
                    list -> list.size() == 1 && ((Number) list.get(0).get("count")).intValue() == 2);
            assertThat(alarms.get(0)).containsEntry("ticketReference", reference);

            sender.link(TrapSender.LINK_DOWN, 6);
            second.awaitList("/api/v1/alarms", list -> list.size() == 2
                    && list.stream().allMatch(a -> reference.equals(a.get("ticketReference"))));
            assertThat(second.getList("/api/v1/tickets?status=all")).singleElement()
                    .satisfies(ticket -> assertThat(ticket).containsEntry("reference", reference));
            assertThat(second.journal(reference)).extracting(e -> e.get("action"))
                    .containsExactly("OPENED", "ALARM_ATTACHED", "ALARM_ATTACHED");
        }
    }
}
