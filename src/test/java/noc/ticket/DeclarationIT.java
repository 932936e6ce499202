package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;

/** P-2 over REST: a declaration with every P-2.2 field opens a ticket; a bad one names each field. */
class DeclarationIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("declaration"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCompleteDeclarationOpensATicketEvenForACustomerTheInventoryDoesNotKnow() {
        HttpResponse<String> answer = app.post("/api/v1/incidents", """
                {"customerName": "Initrode", "siteAddress": "3 rue de la Paix, Paris",
                 "serviceReferences": ["INI-LINK-1"], "contactName": "Marie Curie", "contactPhone": "+33 1 23 45 67 89",
                 "contactEmail": "marie@example.com", "faultyElements": "router in room B",
                 "description": "No Internet since 9:00", "impact": "loss"}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) app.parse(answer.body());
        assertThat(ticket.get("reference").toString()).startsWith("INC-");
        assertThat(ticket).containsEntry("priority", "P1").containsEntry("status", "OPEN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) app
                .getObject("/api/v1/tickets/" + ticket.get("reference")).get("journal");
        assertThat(journal).extracting(e -> e.get("action")).contains("DECLARED", "OPENED", "UNMATCHED");
        assertThat(journal).anySatisfy(e -> assertThat(e).containsEntry("action", "DECLARED")
                .containsEntry("authorKind", "PERSON").containsEntry("author", "admin"));
        assertThat(journal).filteredOn(e -> e.get("action").equals("UNMATCHED")).hasSize(2);
    }

    @Test
    void aDeclarationMissingFieldsNamesEachAndOpensNothing() {
        int before = app.getList("/api/v1/tickets?status=all").size();

        HttpResponse<String> answer = app.post("/api/v1/incidents", """
                {"customerName": "Initrode", "serviceReferences": [], "contactEmail": "not-an-email",
                 "impact": "apocalypse"}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"siteAddress\"").contains("\"field\":\"contactName\"")
                .contains("\"field\":\"contactPhone\"").contains("\"field\":\"faultyElements\"")
                .contains("\"field\":\"description\"").contains("\"field\":\"serviceReferences\"")
                .contains("\"field\":\"contactEmail\"").contains("\"field\":\"impact\"");
        assertThat(app.getList("/api/v1/tickets?status=all")).hasSize(before);
    }
}
