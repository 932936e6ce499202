package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.Ports;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;
import noc.support.WebhookReceiver;

/** Ticket events reach webhooks after the commit, retried on failure, given up and journaled at last. */
class WebhookIT {

    @Test
    void aTicketEventReachesTheWebhookAfterARetryAndAnUnreachableOneIsJournaled() throws Exception {
        // The first call fails, as a busy chat service would.
        try (WebhookReceiver hook = new WebhookReceiver(call -> call == 1 ? 500 : 204)) {
            String unreachable = "http://127.0.0.1:" + Ports.free() + "/hook";
            try (TestApplication app = TestApplication.start(TestDatabase.fresh("webhook"), Map.of(
                    "noc.notify.webhooks", List.of(hook.url(), unreachable), "noc.notify.max-attempts", 2))) {
                try (TrapSender sender = new TrapSender(app.snmpPort())) {
                    sender.link(TrapSender.LINK_DOWN, "192.0.2.88", 1);
                }
                String reference = app.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0)
                        .get("reference").toString();

                hook.await("the OPENED event, answered 204", WebhookIT::openedDelivered);
                assertThat(hook.requests()).filteredOn(WebhookIT::openedDelivered).singleElement()
                        .satisfies(r -> {
                            assertThat(r.body()).contains("\"ticket\":\"" + reference + "\"");
                            assertThat(r.idempotencyKey()).startsWith("noc-outbox-");
                        });
                assertThat(hook.requests()).as("the failed first call was retried").hasSizeGreaterThanOrEqualTo(2);

                List<Map<String, Object>> journal = app.awaitJournal(reference, "DELIVERY_FAILED");
                assertThat(journal).filteredOn(e -> e.get("action").equals("DELIVERY_FAILED"))
                        // named by scheme, host and port: a webhook's path may be its key
                        .allSatisfy(e -> assertThat(e.get("text").toString())
                                .contains(unreachable.replace("/hook", "/****")).doesNotContain("/hook")
                                .contains("after 2 attempts"));
                assertThat(MetricsReader.value(app, "noc_notify_deliveries_total",
                        "channel=\"webhook\",result=\"failed\"")).isGreaterThanOrEqualTo(1);
            }
        }
    }

    private static boolean openedDelivered(WebhookReceiver.Request request) {
        return request.status() == 204 && request.body().contains("\"event\":\"OPENED\"");
    }
}
