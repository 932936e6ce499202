package noc.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.engine.Engine;
import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/** The inventory over REST: items one by one, bulk imports that take all rows or none, and the engine's facts. */
class InventoryIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("inventory"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> put(String path, String json) {
        return app.admin().put(path, json);
    }

    private static HttpResponse<String> delete(String path) {
        return app.admin().delete(path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String body) {
        return (Map<String, Object>) app.parse(body);
    }

    @Test
    void aJsonImportWritesEveryKindAndTheEngineHasTheFacts() {
        HttpResponse<String> answer = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "managed", "projectManager": "Paula Martin"}],
                 "contacts": [{"name": "Paula Martin", "customer": "Acme", "role": "project manager",
                               "phone": "+33 1 41 58 22 50", "email": "paula.martin@example.com"}],
                 "sites": [{"name": "Acme Paris", "customer": "Acme", "address": "1 rue de Rivoli, 75001 Paris"}],
                 "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "site": "Acme Paris",
                               "criticality": "high", "redundant": false}],
                 "devices": [{"name": "acme-cpe-1", "site": "Acme Paris", "parent": "pe-paris-1",
                              "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]},
                             {"name": "pe-paris-1", "addresses": ["192.0.2.1", "2001:db8::1"]}]}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"imported\":6");
        assertThat(app.getObject("/api/v1/inventory/devices/acme-cpe-1")).containsEntry("parent", "pe-paris-1")
                .containsEntry("addresses", List.of("192.0.2.10")).containsEntry("services", List.of("ACME-INTERNET-1"));
        assertThat(app.getObject("/api/v1/inventory/customers/Acme")).containsEntry("contract", "MANAGED");

        Engine engine = app.context().getBean(Engine.class);
        Await.value(Duration.ofSeconds(5), "the 6 imported rows in the engine's session", () -> engine.facts(noc.inventory.InventoryItem.class),
                facts -> facts == 6);
    }

    @Test
    void anImportWithBadRowsNamesEachAndWritesNothing() {
        HttpResponse<String> answer = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Globex", "contract": "gold"}],
                 "sites": [{"name": "Globex Lyon", "customer": "Globex", "address": "2 quai Saint-Antoine, Lyon"}],
                 "devices": [{"name": "globex-sw-1", "site": "Globex Berlin"},
                             {"name": "loop-a", "parent": "loop-b"}, {"name": "loop-b", "parent": "loop-a"}]}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"customers[0].contract\"")
                .contains("\"field\":\"devices[0].site\"").contains("unknown site 'Globex Berlin'")
                .contains("\"field\":\"devices[1].parent\"").contains("makes a loop");
        assertThat(app.get("/api/v1/inventory/sites/Globex%20Lyon").statusCode()).isEqualTo(404);
    }

    @Test
    void anImportWithAnUnknownKindNamesItAndWritesNothing() {
        HttpResponse<String> answer = app.post("/api/v1/inventory/import", """
                {"sites": [{"name": "Globex Lille", "address": "1 place du Général de Gaulle, Lille"}],
                 "routers": []}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"routers\"").contains("is not a known field");
        assertThat(app.get("/api/v1/inventory/sites/Globex%20Lille").statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvImportTakesEveryRowOrNone() {
        HttpResponse<String> bad = app.post("/api/v1/inventory/import?kind=customers", """
                name,contract,projectManager
                Initech,standard,
                "Umbrella, Inc.",managed,
                """, "text/csv");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("customers[1] (line 3).projectManager").contains("managed customer");
        assertThat(app.get("/api/v1/inventory/customers/Initech").statusCode()).isEqualTo(404);

        HttpResponse<String> good = app.post("/api/v1/inventory/import?kind=customers", """
                name,contract,projectManager
                Initech,standard,
                "Umbrella, Inc.",standard,
                """, "text/csv");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(app.getObject("/api/v1/inventory/customers/Umbrella,%20Inc.")).containsEntry("contract", "STANDARD");

        HttpResponse<String> devices = app.post("/api/v1/inventory/import?kind=devices", """
                name,site,parent,addresses,services
                initech-fw-1,,,198.51.100.1|198.51.100.2,
                """, "text/csv");
        assertThat(devices.statusCode()).as(devices.body()).isEqualTo(200);
        assertThat(app.getObject("/api/v1/inventory/devices/initech-fw-1"))
                .containsEntry("addresses", List.of("198.51.100.1", "198.51.100.2"));
    }

    @Test
    void aContactsLanguageIsFrOrEnOrLeftOutAndAnyOtherValueIsRefusedNamingTheField() {
        try {
            HttpResponse<String> french = put("/api/v1/inventory/contacts/Lea%20Roux", """
                    {"role": "technical", "phone": "+33 1 00", "email": "lea@example.com", "language": "FR"}""");
            assertThat(french.statusCode()).as(french.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/contacts/Lea%20Roux")).containsEntry("language", "fr");
            HttpResponse<String> none = put("/api/v1/inventory/contacts/Tom%20Hill", """
                    {"role": "technical", "phone": "+44 20 00", "email": "tom@example.com"}""");
            assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/contacts/Tom%20Hill")).doesNotContainKey("language");

            HttpResponse<String> german = put("/api/v1/inventory/contacts/Tom%20Hill", """
                    {"role": "technical", "phone": "+44 20 00", "email": "tom@example.com", "language": "de"}""");
            assertThat(german.statusCode()).isEqualTo(400);
            assertThat(german.body()).contains("\"language\"").contains("must be fr or en").contains("'de'");
            HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                    {"contacts": [{"name": "Tom Hill", "role": "technical", "phone": "+44 20 00",
                                   "email": "tom@example.com", "language": "english"}]}""");
            assertThat(imported.statusCode()).isEqualTo(400);
            assertThat(imported.body()).contains("contacts[0].language").contains("must be fr or en");
            HttpResponse<String> csv = app.post("/api/v1/inventory/import?kind=contacts", """
                    name,role,phone,email,language
                    Tom Hill,technical,+44 20 00,tom@example.com,en
                    Ana Lima,technical,+351 21 00,ana@example.com,pt
                    """, "text/csv");
            assertThat(csv.statusCode()).isEqualTo(400);
            assertThat(csv.body()).contains("contacts[1] (line 3).language").contains("'pt'")
                    .doesNotContain("contacts[0]");
            // Nothing was written: Tom still has no language.
            assertThat(app.getObject("/api/v1/inventory/contacts/Tom%20Hill")).doesNotContainKey("language");

            HttpResponse<String> good = app.post("/api/v1/inventory/import?kind=contacts", """
                    name,role,phone,email,language
                    Tom Hill,technical,+44 20 00,tom@example.com,en
                    Ana Lima,technical,+351 21 00,ana@example.com,
                    """, "text/csv");
            assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/contacts/Tom%20Hill")).containsEntry("language", "en");
            assertThat(app.getObject("/api/v1/inventory/contacts/Ana%20Lima")).doesNotContainKey("language");
            assertThat(app.getList("/api/v1/inventory/contacts")).anySatisfy(contact -> assertThat(contact)
                    .containsEntry("name", "Lea Roux").containsEntry("language", "fr"));
        } finally {
            // The other tests count the inventory's facts.
            for (String contact : List.of("Lea%20Roux", "Tom%20Hill", "Ana%20Lima")) {
                delete("/api/v1/inventory/contacts/" + contact);
            }
        }
    }

    @Test
    void itemsArePutReadAndDeletedAndAReferencedOneIsKept() {
        assertThat(put("/api/v1/inventory/customers/Hooli", "{\"contract\":\"standard\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> site = put("/api/v1/inventory/sites/Hooli HQ".replace(" ", "%20"),
                "{\"customer\":\"Hooli\",\"address\":\"1 Hacker Way\"}");
        assertThat(site.statusCode()).as(site.body()).isEqualTo(200);
        assertThat(app.getList("/api/v1/inventory/sites")).anySatisfy(s -> assertThat(s).containsEntry("name", "Hooli HQ"));

        HttpResponse<String> conflict = delete("/api/v1/inventory/customers/Hooli");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("still referred to");

        assertThat(delete("/api/v1/inventory/sites/Hooli%20HQ").statusCode()).isEqualTo(204);
        assertThat(delete("/api/v1/inventory/customers/Hooli").statusCode()).isEqualTo(204);
        assertThat(app.get("/api/v1/inventory/customers/Hooli").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/inventory/routers").statusCode()).isEqualTo(404);

        HttpResponse<String> mismatch = put("/api/v1/inventory/customers/Hooli", "{\"name\":\"Other\",\"contract\":\"standard\"}");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("\"field\":\"name\"");
    }

    @Test
    void aTrapFromADeviceOfTheInventoryGetsThePriorityOfItsService() throws Exception {
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Soylent", "contract": "standard"}],
                 "services": [{"reference": "SOY-LINK-7", "customer": "Soylent", "criticality": "high"}],
                 "devices": [{"name": "soylent-cpe", "addresses": ["203.0.113.7"], "services": ["SOY-LINK-7"]}]}""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        try (noc.support.TrapSender sender = new noc.support.TrapSender(app.snmpPort())) {
            sender.link(noc.support.TrapSender.LINK_DOWN, "203.0.113.7", 2);
        }

        List<Map<String, Object>> tickets = app.awaitList("/api/v1/tickets", list -> list.stream()
                .anyMatch(t -> t.get("title").equals("Link down on soylent-cpe (203.0.113.7)")));
        assertThat(tickets).filteredOn(t -> t.get("title").equals("Link down on soylent-cpe (203.0.113.7)"))
                .singleElement().satisfies(t -> assertThat(t).containsEntry("priority", "P1"));
    }

    @Test
    void aSitesDomainIsWrittenReadAndClearedByPutAndImportsAndIsAName() {
        try {
            HttpResponse<String> set = put("/api/v1/inventory/sites/POP%20Lille", """
                    {"address": "1 place du Général de Gaulle, Lille", "domain": "lille"}""");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/sites/POP%20Lille")).containsEntry("domain", "lille");
            HttpResponse<String> cleared = put("/api/v1/inventory/sites/POP%20Lille", """
                    {"address": "1 place du Général de Gaulle, Lille"}""");
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/sites/POP%20Lille")).doesNotContainKey("domain");

            String longest = "d".repeat(255);
            HttpResponse<String> csv = app.post("/api/v1/inventory/import?kind=sites", """
                    name,address,domain
                    POP Lille,1 place du Général de Gaulle,nord
                    Lille Europe,2 avenue Le Corbusier,%s
                    """.formatted(longest), "text/csv");
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/inventory/sites/POP%20Lille")).containsEntry("domain", "nord");
            assertThat(app.getObject("/api/v1/inventory/sites/Lille%20Europe")).containsEntry("domain", longest);

            HttpResponse<String> unknown = app.post("/api/v1/inventory/import?kind=sites", """
                    name,address,zone
                    POP Lille,1 place du Général de Gaulle,nord
                    """, "text/csv");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("sites[0] (line 2).zone").contains("known fields: name, customer, "
                    + "address, domain");
            HttpResponse<String> tooLong = app.post("/api/v1/inventory/import?kind=sites", """
                    name,address,domain
                    POP Lille,1 place du Général de Gaulle,%s
                    """.formatted(longest + "d"), "text/csv");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("sites[0] (line 2).domain");
            // the prefixes of the domains of unknown sources and of declarations are not a site's
            HttpResponse<String> reserved = app.post("/api/v1/inventory/import?kind=sites", """
                    name,address,domain
                    POP Lille,1 place du Général de Gaulle,address:192.0.2.1
                    """, "text/csv");
            assertThat(reserved.statusCode()).isEqualTo(400);
            assertThat(reserved.body()).contains("sites[0] (line 2).domain").contains("must not start with");
            HttpResponse<String> reservedPut = put("/api/v1/inventory/sites/POP%20Lille", """
                    {"address": "1 place du Général de Gaulle, Lille", "domain": "customer:Acme"}""");
            assertThat(reservedPut.statusCode()).as(reservedPut.body()).isEqualTo(400);
            assertThat(app.getObject("/api/v1/inventory/sites/POP%20Lille")).containsEntry("domain", "nord");
        } finally {
            delete("/api/v1/inventory/sites/POP%20Lille");
            delete("/api/v1/inventory/sites/Lille%20Europe");
        }
    }

    @Test
    void anImportSaysWhichOfItsLinksCrossCorrelationDomainsAndStillWritesThem() {
        try {
            HttpResponse<String> split = app.post("/api/v1/inventory/import", """
                    {"sites": [{"name": "POP Nantes", "address": "1 quai", "domain": "nantes"},
                               {"name": "Nantes Est", "address": "2 quai"}],
                     "devices": [{"name": "pe-nantes", "site": "POP Nantes", "addresses": ["198.51.100.50"]},
                                 {"name": "cpe-nantes", "site": "Nantes Est", "parent": "pe-nantes",
                                  "addresses": ["198.51.100.51"]},
                                 {"name": "sw-nantes", "parent": "pe-nantes"}]}""");

            assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
            Map<String, Object> result = object(split.body());
            assertThat(result).containsEntry("imported", 5).containsEntry("warningsTotal", 1);
            assertThat((List<?>) result.get("warnings")).singleElement().isEqualTo(Map.of("kind", "devices",
                    "key", "cpe-nantes", "field", "parent", "code", "domainParent",
                    "values", List.of("Nantes Est", "pe-nantes", "nantes"),
                    "message", "is in correlation domain 'Nantes Est' and its parent 'pe-nantes' in 'nantes': with "
                            + "several engines, the alarms of both are ticketed in one session, through the database "
                            + "(root cause, P-5.6); one domain for their sites keeps them in one session"));
            assertThat(app.getObject("/api/v1/inventory/devices/cpe-nantes")).containsEntry("parent", "pe-nantes");

            // The site alone is the fix, and it is an item the crossing involves.
            HttpResponse<String> joined = app.post("/api/v1/inventory/import?kind=sites", """
                    name,address,domain
                    Nantes Est,2 quai,nantes
                    """, "text/csv");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
            assertThat(object(joined.body())).containsEntry("warningsTotal", 0)
                    .containsEntry("warnings", List.of());
        } finally {
            for (String device : List.of("sw-nantes", "cpe-nantes", "pe-nantes")) {
                delete("/api/v1/inventory/devices/" + device);
            }
            delete("/api/v1/inventory/sites/POP%20Nantes");
            delete("/api/v1/inventory/sites/Nantes%20Est");
        }
    }

    @Test
    void aDeviceGivenTwiceInOneImportTakesItsLastVersion() {
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"devices": [{"name": "twice", "addresses": ["198.51.100.201", "198.51.100.202"]},
                             {"name": "twice", "addresses": ["198.51.100.202", "198.51.100.203"]}]}""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(app.getObject("/api/v1/inventory/devices/twice").get("addresses"))
                .isEqualTo(List.of("198.51.100.202", "198.51.100.203"));
        // Gone again, so that the other tests of the class count their own items.
        assertThat(delete("/api/v1/inventory/devices/twice").statusCode()).isEqualTo(204);
    }
}
