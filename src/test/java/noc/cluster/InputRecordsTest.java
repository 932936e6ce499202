package noc.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.micronaut.json.JsonMapper;
import noc.alarm.AlarmEvent;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.maintenance.Recurrence;
import noc.support.Events;
import noc.ticket.Declaration;
import noc.ticket.Priority;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand;
import noc.ticket.WaitReason;

class InputRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:15:30.123Z");
    private final InputRecords records = new InputRecords(JsonMapper.createDefault());

    @Test
    void anAlarmComesBackAsItWasSent() {
        AlarmEvent event = Events.linkDown("10.0.0.7", 3, AT);
        assertEquals(event, records.read(records.alarm(event)));
    }

    @Test
    void theAlarmsOfOneRequestComeBackTogetherInOrder() {
        List<AlarmEvent> events = List.of(Events.linkDown("r1", 1, AT), Events.linkUp("r2", 2, AT.plusSeconds(1)));
        assertEquals(events, records.read(records.alarms(events)));
    }

    @Test
    void theStateOfAnAlarmSentToItsServicesHomeAndItsTicketToldBackComeBackAsSent() {
        noc.alarm.Alarm alarm = noc.alarm.Alarm.raisedBy(Events.linkDown("10.0.0.7", 3, AT))
                .withOccurrence(Events.linkDown("10.0.0.7", 3, AT.plusSeconds(5))).cleared(AT.plusSeconds(9));
        noc.alarm.ServiceAccess access = noc.alarm.ServiceAccess.of(alarm, "lyon", "paris");
        noc.alarm.AlarmTicket ticket = new noc.alarm.AlarmTicket(alarm.reductionKey(), "lyon", "paris", "INC-7");

        assertEquals(access, records.read(records.access(access)));
        assertEquals(5L, access.version());
        noc.alarm.Alarm raised = noc.alarm.Alarm.raisedBy(Events.linkDown("10.0.0.7", 3, AT));
        assertEquals(false, noc.alarm.ServiceAccess.of(raised, "lyon", "paris").isNewerThan(alarm));
        assertEquals(true, access.isNewerThan(raised));
        // the same key raised again after the alarm was retired: a new alarm, however low its count
        noc.alarm.Alarm again = noc.alarm.Alarm.raisedBy(Events.linkDown("10.0.0.7", 3, AT.plusSeconds(60)));
        assertEquals(true, noc.alarm.ServiceAccess.of(again, "lyon", "paris").isNewerThan(alarm));
        assertEquals(access.mirror("INC-7"), alarm.attachedTo("INC-7"));
        assertEquals(ticket, records.read(records.ticket(ticket)));
        assertEquals(new noc.alarm.AlarmTicket("k", "lyon", "paris", null),
                records.read(records.ticket(new noc.alarm.AlarmTicket("k", "lyon", "paris", null))));
    }

    /** One command of each kind, with its optional fields given and left out. */
    static Stream<Object> commands() {
        String ref = "INC-2026-000042";
        return Stream.of(
                new TicketCommand.Acknowledge(ref, "otto"),
                new TicketCommand.Comment(ref, "otto", "Fibre cut near the bridge, \"ACME\" told", true),
                new TicketCommand.Comment(ref, "otto", "internal", false),
                new TicketCommand.SetPriority(ref, "otto", Priority.P2, "redundancy still up"),
                new TicketCommand.Wait(ref, "otto", WaitReason.CUSTOMER_UNREACHABLE, null),
                new TicketCommand.Wait(ref, "otto", WaitReason.CUSTOMER_TEST_TIME, "until 14:00"),
                new TicketCommand.AskCustomer(ref, "otto", "Is the CPE powered?"),
                new TicketCommand.CustomerReply(ref, "carl", null),
                new TicketCommand.Resume(ref, "otto", "back"),
                new TicketCommand.Resolve(ref, "otto", "Card replaced"),
                new TicketCommand.Confirm(ref, "marie@initrode.example"),
                new TicketCommand.Dispute(ref, "marie@initrode.example", "Still down"),
                new TicketCommand.CloseUnresponsive(ref, "otto", null),
                new TicketCommand.Escalate(ref, "otto", "customer furious"),
                new TicketCommand.AcknowledgeEscalation(ref, "boss@example.com", 2),
                new TicketCommand.LinkCustomer(ref, "otto", "Globex", null),
                new Declaration("Initrode", "1 rue de la Paix, Paris", List.of("INI-1", "INI-2"), "Marie Curie",
                        "+33 1 23", "marie@initrode.example", "VPN", "VPN down since 9:00", Declaration.Impact.LOSS,
                        "carl"),
                new MaintenanceRequest("Card swap", null, AT, AT.plusSeconds(3600), Recurrence.NONE, null,
                        List.of("pe-paris-1"), List.of(), List.of(), "otto"),
                new MaintenanceRequest("Nightly backup", "links flap", AT, AT.plusSeconds(600), Recurrence.DAILY,
                        AT.plusSeconds(86_400 * 30), List.of(), List.of("paris-pop"), List.of("ACME-VPN-2"), "otto"),
                new MaintenanceCompletion("MNT-2026-000007", "otto"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandComesBackAsItWasSentWithItsId(Object command) {
        assertEquals(new InputRecords.Command("c-1", command), records.read(records.command("c-1", command)));
    }

    @Test
    void everyTicketActionTravels() {
        Set<TicketAction> sent = commands().filter(TicketCommand.class::isInstance)
                .map(command -> ((TicketCommand) command).action()).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(TicketAction.class), sent);
    }

    @Test
    void aCommandRecordThatCannotBeReadIsRefusedByReasonWithItsIdWhenItHasOne() {
        String acknowledge = "{\"reference\":\"INC-1\",\"by\":\"otto\"}";
        assertRefused("unknown_type", "c-2", "{\"type\":\"telepathy\",\"version\":1,\"id\":\"c-2\"}");
        assertRefused("unknown_version", "c-3", "{\"type\":\"ticket-command\",\"version\":2,\"id\":\"c-3\"}");
        assertRefused("unknown_action", "c-4", "{\"type\":\"ticket-command\",\"version\":1,\"id\":\"c-4\","
                + "\"action\":\"TELEPORT\",\"command\":" + acknowledge + "}");
        assertRefused("no_command", "c-5", "{\"type\":\"declaration\",\"version\":1,\"id\":\"c-5\"}");
        assertRefused("invalid_command", "c-6", "{\"type\":\"ticket-command\",\"version\":1,\"id\":\"c-6\","
                + "\"action\":\"ACKNOWLEDGE\",\"command\":{\"reference\":\"INC-1\"}}");
        assertRefused("invalid_command", "c-7", "{\"type\":\"maintenance-completion\",\"version\":1,"
                + "\"id\":\"c-7\",\"command\":{\"reference\":[1,2]}}");
        assertRefused("no_id", null, "{\"type\":\"ticket-command\",\"version\":1,\"action\":\"ACKNOWLEDGE\","
                + "\"command\":" + acknowledge + "}");
        assertRefused("no_id", null, "{\"type\":\"ticket-command\",\"version\":1,\"id\":\"" + "x".repeat(65)
                + "\",\"action\":\"ACKNOWLEDGE\",\"command\":" + acknowledge + "}");
    }

    @Test
    void onlyCommandsTravelAsCommands() {
        assertThrows(IllegalArgumentException.class, () -> records.command("c-8", "acknowledge INC-1"));
        assertThrows(IllegalArgumentException.class,
                () -> records.command("", new TicketCommand.Acknowledge("INC-1", "otto")));
    }

    private void assertRefused(String reason, String id, String json) {
        InputRecords.RefusedRecordException refused = assertThrows(InputRecords.RefusedRecordException.class,
                () -> records.read(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(reason, refused.reason(), json);
        assertEquals(id, refused.commandId(), json);
    }
    @Test
    void aWindowToldToAnotherSessionComesBackAsSent() {
        noc.maintenance.WindowScope scope = new noc.maintenance.WindowScope("INC-9", "lyon", "nice", AT,
                AT.plusSeconds(3600), noc.maintenance.Recurrence.WEEKLY, null, List.of("pe-nice"), List.of("POP Nice"),
                List.of("ACME-VPN-2"));

        assertEquals(scope, records.read(records.window(scope)));
        assertEquals("no_window", refusal("{\"type\":\"window-scope\",\"version\":1}"));
    }

    @Test
    void aRecordOfAnotherTypeOrANewerVersionIsRefusedByReason() {
        assertEquals("unknown_type", refusal("{\"type\":\"telepathy\",\"version\":1}"));
        assertEquals("unknown_version", refusal("{\"type\":\"alarm\",\"version\":2,\"alarm\":null}"));
        assertEquals("no_type", refusal("{\"version\":1}"));
        assertEquals("no_alarm", refusal("{\"type\":\"alarm\",\"version\":1}"));
        assertEquals("no_alarm", refusal("{\"type\":\"alarms\",\"version\":1,\"alarms\":[]}"));
        assertEquals("unreadable", refusal("not json"));
        assertEquals("empty", assertThrows(InputRecords.RefusedRecordException.class, () -> records.read(null))
                .reason());
    }

    @Test
    void aDomainGoesToThePartitionKafkaSendsItsKeyTo() {
        for (String domain : List.of("paris-pop", "address:10.0.0.7", "customer:ACME", "é-site", "")) {
            for (int partitions : new int[] {1, 3, 12, 100}) {
                assertEquals(BuiltInPartitioner.partitionForKey(domain.getBytes(StandardCharsets.UTF_8), partitions),
                        Partitions.of(domain, partitions), domain + " over " + partitions);
            }
        }
    }

    private String refusal(String json) {
        return assertThrows(InputRecords.RefusedRecordException.class,
                () -> records.read(json.getBytes(StandardCharsets.UTF_8))).reason();
    }
}
