package noc.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.CorrelatorProcess;
import noc.support.InputLoad;
import noc.support.Ports;
import noc.support.StoredRows;
import noc.support.StoredRows.TicketRow;

/**
 * A {@code kill -9} of the correlator while informs and HTTP alarms are in flight, then a start on
 * the same data folder: what a sender was told is committed is stored exactly once, and no ticket
 * reference a client could have seen is given to another ticket.
 */
class CrashRecoveryIT {

    @Test
    void afterAKill9MidStreamEveryAcknowledgedInputIsStoredOnceAndNoTicketReferenceIsReused(@TempDir Path home)
            throws Exception {
        int httpPort = Ports.free();
        int snmpPort = Ports.free();
        Path data = home.resolve("data");

        CorrelatorProcess first = CorrelatorProcess.start(home, data, httpPort, snmpPort);
        InputLoad informs;
        InputLoad alarms;
        List<TicketRow> seenBeforeTheKill;
        long killedAt;
        try {
            first.awaitHealthy();
            informs = InputLoad.informs(snmpPort, 3, 1);
            alarms = InputLoad.httpAlarms(first.uri("/api/v1/alarms"), first.adminToken(), 3, "crash");
            Thread.sleep(3_000);
            try (Connection database = first.database()) {
                seenBeforeTheKill = StoredRows.tickets(database);
            }
            Thread.sleep(2_000);
            first.kill();
            killedAt = System.nanoTime();
            informs.stopSending();
            alarms.stopSending();
            informs.close();
            alarms.close();
        } finally {
            if (first.process().isAlive()) {
                first.kill();
            }
        }

        CorrelatorProcess second = CorrelatorProcess.start(home, data, httpPort, snmpPort);
        try {
            second.awaitHealthy();
            double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
            Map<String, Long> informCounts;
            Map<String, Long> alarmCounts;
            List<TicketRow> beforeTheRestart;
            try (Connection database = second.database()) {
                informCounts = StoredRows.occurrencesBySource(database, "10.1.");
                alarmCounts = StoredRows.occurrencesBySource(database, "crash-");
                beforeTheRestart = StoredRows.tickets(database);
            }

            assertThat(informs.acknowledged()).as("informs answered before the kill").isNotEmpty();
            assertThat(alarms.acknowledged()).as("alarms answered 2xx before the kill").isNotEmpty();
            assertThat(StoredRows.notStoredOnce(informCounts, informs.acknowledged()))
                    .as("informs answered (or stored) but not stored exactly once: source=count").isEmpty();
            assertThat(StoredRows.notStoredOnce(alarmCounts, alarms.acknowledged()))
                    .as("alarms answered 2xx (or stored) but not stored exactly once: source=count").isEmpty();
            assertThat(informs.sent()).containsAll(informCounts.keySet());
            assertThat(alarms.sent()).containsAll(alarmCounts.keySet());

            // New tickets after the restart: their references follow the ones stored, none is taken again.
            HttpClient http = HttpClient.newHttpClient();
            for (int n = 0; n < 5; n++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(second.uri("/api/v1/alarms"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + second.adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"after-" + n
                                + "\",\"name\":\"Fault under test\",\"severity\":\"major\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            List<TicketRow> afterTheRestart;
            try (Connection database = second.database()) {
                afterTheRestart = StoredRows.tickets(database);
            }
            assertThat(afterTheRestart).as("tickets a client saw before the kill, unchanged")
                    .containsAll(seenBeforeTheKill);
            assertThat(afterTheRestart).containsAll(beforeTheRestart).hasSize(beforeTheRestart.size() + 5);
            String lastBefore = beforeTheRestart.get(beforeTheRestart.size() - 1).reference();
            assertThat(afterTheRestart.subList(beforeTheRestart.size(), afterTheRestart.size()))
                    .allSatisfy(ticket -> assertThat(ticket.reference()).isGreaterThan(lastBefore));
            List<String> references = afterTheRestart.stream().map(TicketRow::reference).toList();
            assertThat(references).as("references in the order tickets opened").isSorted().doesNotHaveDuplicates();

            System.out.printf("CrashRecoveryIT figures: informs %s, stored %d; HTTP alarms %s, stored %d; "
                            + "tickets before the kill (seen 2 s earlier) %d, at restart %d; kill to healthy %.1f s%n",
                    informs.outcomes(), informCounts.size(), alarms.outcomes(), alarmCounts.size(),
                    seenBeforeTheKill.size(), beforeTheRestart.size(), recoverySeconds);
        } finally {
            second.stop();
        }
        assertThat(CorrelatorProcess.mariadbProcessesUsing(data)).as("embedded MariaDB left running").isEmpty();
    }

}
