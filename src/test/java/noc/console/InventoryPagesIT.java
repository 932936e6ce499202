package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** The inventory's pages over HTTP: search and paging, an item with what refers to it, import and deletion. */
class InventoryPagesIT {

    private static TestApplication app;
    private static WebSession admin;
    private static WebSession viewer;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_inventory"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "managed", "projectManager": "Paula Martin"},
                               {"name": "Globex", "contract": "standard"}],
                 "contacts":  [{"name": "Paula Martin", "customer": "Acme", "role": "project manager",
                                "phone": "+33 1 41 58 22 50", "email": "paula.martin@example.com"}],
                 "sites":     [{"name": "Acme Paris", "customer": "Acme", "address": "1 rue de Rivoli, 75001 Paris"},
                               {"name": "Lyon / Part-Dieu", "customer": "Globex", "address": "5 place Charles Béraudier, Lyon"}],
                 "services":  [{"reference": "ACME-INTERNET-1", "customer": "Acme", "site": "Acme Paris",
                                "criticality": "high", "redundant": false}],
                 "devices":   [{"name": "pe-paris-1", "addresses": ["192.0.2.1"]},
                               {"name": "acme cpe 1", "site": "Acme Paris", "parent": "pe-paris-1",
                                "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]},
                               {"name": "bulk-01"}, {"name": "bulk-02"}, {"name": "bulk-03"},
                               {"name": "bulk-04"}, {"name": "bulk-05"}]}
                """).statusCode()).isEqualTo(200);
        app.user("vera", null, "viewer");
        admin = new WebSession(app.uri("/"), "en");
        admin.signIn("admin", TestApplication.ADMIN_PASSWORD, "/");
        viewer = new WebSession(app.uri("/"), "fr");
        viewer.signIn("vera", "vera-password", "/");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSearchFindsPartOfAFieldInAnyCase() {
        String sites = viewer.get("/inventory/sites?q=RIVOLI").body();
        assertThat(sites).contains("href=\"/inventory/sites/Acme%20Paris\"").doesNotContain("Part-Dieu");
        String devices = viewer.get("/inventory/devices?q=internet-1").body();
        assertThat(devices).as("a device found by the service it carries")
                .contains("href=\"/inventory/devices/acme%20cpe%201\"").doesNotContain("bulk-01");
        String byAddress = viewer.get("/inventory/devices?q=192.0.2.10").body();
        assertThat(byAddress).contains("<td class=\"key\"><a href=\"/inventory/devices/acme%20cpe%201\"")
                .doesNotContain("<td class=\"key\"><a href=\"/inventory/devices/pe-paris-1\"");
        assertThat(viewer.get("/inventory/devices?q=nothing-like-it").body()).contains("Aucun résultat pour « nothing-like-it »");
        assertThat(viewer.get("/inventory/devices?q=_").body()).as("a wildcard of SQL is a plain character")
                .contains("Aucun résultat pour « _ »").doesNotContain(">bulk-01<");
    }

    @Test
    void theNextPageKeepsTheSearch() {
        String first = viewer.get("/inventory/devices?q=BULK&limit=2").body();
        assertThat(first).contains(">bulk-01<", ">bulk-02<").doesNotContain(">bulk-03<");
        Matcher next = Pattern.compile("href=\"([^\"]*)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a next page link").isTrue();
        String link = next.group(1).replace("&amp;", "&");
        assertThat(link).contains("q=BULK", "limit=2", "after=bulk-02");
        String second = viewer.get(link).body();
        assertThat(second).contains(">bulk-03<", ">bulk-04<").doesNotContain(">bulk-02<", ">acme cpe 1<");
        assertThat(viewer.get("/inventory/devices?limit=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void aCustomersPageLinksWhatRefersToIt() {
        HttpResponse<String> page = admin.get("/inventory/customers/Acme");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/inventory/contacts/Paula%20Martin\"",
                "href=\"/inventory/sites/Acme%20Paris\"", "href=\"/inventory/services/ACME-INTERNET-1\"",
                "href=\"/inventory/devices/acme%20cpe%201\"", "href=\"/tickets?customer=Acme\"",
                "Devices carrying its services").doesNotContain("Lyon");
    }

    @Test
    void aLongGroupOfReferencesListsTheFirstHundredAndCountsThemAll() {
        StringBuilder devices = new StringBuilder("{\"sites\": [{\"name\": \"Big site\", \"address\": \"1 quai\"}],"
                + " \"devices\": [");
        for (int i = 1; i <= InventoryPages.MAX_REFERENCES + 1; i++) {
            devices.append(i == 1 ? "" : ", ").append(String.format("{\"name\": \"big-%03d\", \"site\": \"Big site\"}", i));
        }
        assertThat(app.post("/api/v1/inventory/import", devices.append("]}").toString()).statusCode()).isEqualTo(200);
        String page = admin.get("/inventory/sites/Big%20site").body();
        assertThat(page).contains("<span class=\"count\">101</span>", "href=\"/inventory/devices/big-100\"",
                "Only the first 100 are listed.").doesNotContain("href=\"/inventory/devices/big-101\"");
    }

    @Test
    void aDevicesPageLinksItsSiteParentServicesAndTheirCustomers() {
        HttpResponse<String> page = viewer.get("/inventory/devices/acme%20cpe%201");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/inventory/sites/Acme%20Paris\"",
                "href=\"/inventory/devices/pe-paris-1\"", "href=\"/inventory/services/ACME-INTERNET-1\"",
                "href=\"/inventory/customers/Acme\"", "192.0.2.10", "Clients de ses services");
        assertThat(viewer.get("/inventory/devices/pe-paris-1").body()).as("the parent lists what hangs off it")
                .contains("Équipements raccordés", "href=\"/inventory/devices/acme%20cpe%201\"");
    }

    @Test
    void aKeyWithASlashHasItsPage() {
        String sites = viewer.get("/inventory/sites?q=part-dieu").body();
        assertThat(sites).contains("href=\"/inventory/sites/Lyon%20%2F%20Part-Dieu\"");
        HttpResponse<String> page = viewer.get("/inventory/sites/Lyon%20%2F%20Part-Dieu");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("5 place Charles Béraudier", "href=\"/inventory/customers/Globex\"");
    }

    @Test
    void anUnknownItemIsNotFound() {
        HttpResponse<String> page = viewer.get("/inventory/devices/no-such-device");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no-such-device");
        assertThat(viewer.get("/inventory/gadgets").statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadWithABadRowShowsItsErrorAndImportsNothing() {
        admin.get("/inventory/import");
        HttpResponse<String> answer = admin.upload("/inventory/import", Map.of("kind", "devices"), "file", "devices.csv",
                "text/csv", """
                        name,site,addresses
                        csv-good-1,Acme Paris,192.0.2.50
                        csv-bad-2,Nowhere,192.0.2.51
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Nothing was imported.", "<td class=\"kind\">devices</td>",
                "<td class=\"row\">2</td>", "<td class=\"line\">3</td>", "<td class=\"field\">site</td>",
                "refers to unknown site “Nowhere”");
        assertThat(app.get("/api/v1/inventory/devices/csv-good-1").statusCode()).as("the good row neither")
                .isEqualTo(404);
    }

    @Test
    void aGoodUploadImportsAndSaysWhat() {
        admin.get("/inventory/import");
        HttpResponse<String> json = admin.upload("/inventory/import", Map.of(), "file", "more.json",
                "application/json", """
                        {"customers": [{"name": "Initech", "contract": "standard"}],
                         "sites": [{"name": "Initech HQ", "customer": "Initech", "address": "1 Main Street"}]}
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("2 item(s) imported", "href=\"/inventory/customers\"", "href=\"/inventory/sites\"");
        assertThat(app.get("/api/v1/inventory/sites/Initech%20HQ").statusCode()).isEqualTo(200);
        HttpResponse<String> csv = admin.upload("/inventory/import", Map.of("kind", "devices"), "file", "devices.csv",
                "text/csv", "name,site,addresses,services\ninitech-cpe,Initech HQ,192.0.2.60|192.0.2.61,\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(app.getObject("/api/v1/inventory/devices/initech-cpe").get("addresses"))
                .isEqualTo(java.util.List.of("192.0.2.60", "192.0.2.61"));
    }

    @Test
    void aFileThatIsNotJsonIsRefusedAsTheApiRefusesIt() {
        admin.get("/inventory/import");
        HttpResponse<String> answer = admin.upload("/inventory/import", Map.of(), "file", "broken.json",
                "application/json", "{\"customers\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Nothing was imported.", "is not valid JSON");
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() {
        admin.get("/inventory/import");
        byte[] large = new byte[(int) InventoryImportController.MAX_UPLOAD + 1];
        java.util.Arrays.fill(large, (byte) 'x');
        byte[] header = "name,contract\nLarge,standard\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, large, 0, header.length);
        HttpResponse<String> answer = admin.upload("/inventory/import", Map.of("kind", "customers"), "file",
                "large.csv", "text/csv", large);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-field=\"file\"", "The file is larger than 8 MB.");
        assertThat(app.get("/api/v1/inventory/customers/Large").statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvFileNeedsItsKind() {
        admin.get("/inventory/import");
        HttpResponse<String> answer = admin.upload("/inventory/import", Map.of("kind", ""), "file", "x.csv",
                "text/csv", "name,contract\nHooli,standard\n".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-field=\"kind\"");
        assertThat(app.get("/api/v1/inventory/customers/Hooli").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsFileAsksForOne() {
        admin.get("/inventory/import");
        HttpResponse<String> answer = admin.post("/inventory/import", Map.of("kind", "devices"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-field=\"file\"", "Choose a file.");
    }

    @Test
    void anItemStillReferredToIsNotDeletedAndSaysWhy() {
        String confirm = admin.get("/inventory/sites/Acme%20Paris/delete").body();
        assertThat(confirm).contains("Delete Site “Acme Paris”?", "href=\"/inventory/devices/acme%20cpe%201\"");
        HttpResponse<String> answer = admin.post("/inventory/sites/Acme%20Paris/delete", Map.of());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("Not deleted:", "other items of the inventory still refer to it");
        assertThat(app.get("/api/v1/inventory/sites/Acme%20Paris").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminDeletesAnItemAfterConfirming() {
        assertThat(app.post("/api/v1/inventory/import", "{\"devices\": [{\"name\": \"old box\"}]}").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/inventory/devices/old%20box").body()).contains("href=\"/inventory/devices/old%20box/delete\"");
        admin.get("/inventory/devices/old%20box/delete");
        HttpResponse<String> answer = admin.post("/inventory/devices/old%20box/delete", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/inventory/devices?deleted=old+box");
        assertThat(admin.get("/inventory/devices?deleted=old+box").body()).contains("old box was deleted.");
        assertThat(app.get("/api/v1/inventory/devices/old%20box").statusCode()).isEqualTo(404);
        assertThat(app.getList("/api/v1/audit?action=INVENTORY_DELETED")).anySatisfy(entry ->
                assertThat(entry.get("target")).isEqualTo("devices/old box"));
    }

    @Test
    void anAdminEditsAnItemThroughItsForm() {
        assertThat(app.post("/api/v1/inventory/import", """
                {"services": [{"reference": "EDIT-ME", "customer": "Globex", "criticality": "low"}]}""")
                .statusCode()).isEqualTo(200);
        String form = admin.get("/inventory/services/EDIT-ME/edit").body();
        assertThat(form).contains("<option value=\"low\" selected=\"selected\">Low</option>", "name=\"customer\" value=\"Globex\"");
        HttpResponse<String> answer = admin.post("/inventory/services/EDIT-ME/edit", Map.of("customer", "Acme",
                "site", "Acme Paris", "criticality", "medium", "redundant", "true"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/inventory/services/EDIT-ME?saved=1");
        assertThat(app.getObject("/api/v1/inventory/services/EDIT-ME")).containsEntry("customer", "Acme")
                .containsEntry("site", "Acme Paris").containsEntry("criticality", "MEDIUM").containsEntry("redundant", true);
        assertThat(admin.get("/inventory/services/EDIT-ME?saved=1").body()).contains("Saved.");
    }

    @Test
    void aSiteShowsItsCorrelationDomainOrItsOwnNameInThePagesLanguage() {
        assertThat(admin.get("/inventory/sites/Acme%20Paris").body())
                .contains("Correlation domain", "Acme Paris (the site’s own name)");
        assertThat(viewer.get("/inventory/sites/Acme%20Paris").body())
                .contains("Domaine de corrélation", "Acme Paris (le nom du site)");
        assertThat(viewer.get("/inventory/sites").body()).contains("<th scope=\"col\">Domaine de corrélation</th>",
                "<td class=\"field-domain\"><span>Acme Paris (le nom du site)</span></td>");
    }

    @Test
    void importsAndSavesSayWhichLinksCrossCorrelationDomains() {
        admin.get("/inventory/import");
        HttpResponse<String> imported = admin.upload("/inventory/import", Map.of(), "file", "rennes.json",
                "application/json", """
                        {"sites": [{"name": "Rennes POP", "address": "1 rue", "domain": "rennes"},
                                   {"name": "Rennes Sud", "address": "2 rue"}],
                         "devices": [{"name": "pe-rennes", "site": "Rennes POP"},
                                     {"name": "cpe-rennes", "site": "Rennes Sud", "parent": "pe-rennes"}]}
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("4 item(s) imported", "Links across correlation domains: 1",
                "href=\"/inventory/devices/cpe-rennes\">Device cpe-rennes</a>",
                "is in correlation domain “Rennes Sud” and its parent “pe-rennes” in “rennes”");

        String form = admin.get("/inventory/sites/Rennes%20Sud/edit").body();
        assertThat(form).contains("name=\"domain\" value=\"\"", "left blank, the site is a domain of its own");
        HttpResponse<String> joined = admin.post("/inventory/sites/Rennes%20Sud/edit", Map.of("address", "2 rue",
                "domain", "rennes"));
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/inventory/sites/Rennes%20Sud")).containsEntry("domain", "rennes");
        assertThat(admin.get("/inventory/sites/Rennes%20Sud?saved=1").body()).contains("Saved.")
                .doesNotContain("correlation domains");

        admin.get("/inventory/sites/Rennes%20Sud/edit");
        assertThat(admin.post("/inventory/sites/Rennes%20Sud/edit", Map.of("address", "2 rue", "domain", "ouest"))
                .statusCode()).isEqualTo(303);
        assertThat(admin.get("/inventory/sites/Rennes%20Sud?saved=1").body())
                .contains("Links across correlation domains: 1", "href=\"/inventory/devices/cpe-rennes\"");
        assertThat(viewer.get("/inventory/sites/Rennes%20Sud?saved=1").body())
                .contains("Liens entre domaines de corrélation : 1",
                        "est dans le domaine de corrélation « ouest » et son équipement de raccordement « pe-rennes »");
        assertThat(viewer.get("/inventory/sites/Rennes%20Sud").body()).doesNotContain("domaines de corrélation :");
    }

    @Test
    void editingAContactWithoutALanguageLeavesItWithoutOne() {
        assertThat(app.post("/api/v1/inventory/import", """
                {"contacts": [{"name": "Nora Blanc", "role": "NOC", "phone": "+33 1 00 00 00 01",
                               "email": "nora@example.com"},
                              {"name": "Ed Green", "role": "NOC", "phone": "+33 1 00 00 00 02",
                               "email": "ed@example.com", "language": "en"}]}""").statusCode()).isEqualTo(200);
        String form = admin.get("/inventory/contacts/Nora%20Blanc/edit").body();
        assertThat(form).contains("<option value=\"\" selected=\"selected\">The default language (noc.locale)</option>",
                "<option value=\"fr\">French</option>");
        HttpResponse<String> saved = admin.post("/inventory/contacts/Nora%20Blanc/edit", Map.of("role", "NOC lead",
                "phone", "+33 1 00 00 00 01", "email", "nora@example.com", "language", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/inventory/contacts/Nora%20Blanc")).containsEntry("role", "NOC lead")
                .doesNotContainKey("language");
        admin.get("/inventory/contacts/Ed%20Green/edit");
        assertThat(admin.post("/inventory/contacts/Ed%20Green/edit", Map.of("role", "NOC", "phone", "+33 1 00 00 00 02",
                "email", "ed@example.com", "language", "")).statusCode()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/inventory/contacts/Ed%20Green")).as("a language can be cleared")
                .doesNotContainKey("language");
    }

    @Test
    void choiceValuesReadInThePagesLanguage() {
        assertThat(viewer.get("/inventory/services/ACME-INTERNET-1").body())
                .contains("<dd class=\"field-criticality\">", "Élevée").doesNotContain(">high<");
        assertThat(viewer.get("/inventory/customers/Acme").body()).contains("Infogérance").doesNotContain(">managed<");
        assertThat(viewer.get("/inventory/services").body()).contains("Élevée");
    }

    @Test
    void aWrongFieldOfTheFormIsShownNextToItAndNothingIsSaved() {
        assertThat(app.post("/api/v1/inventory/import", "{\"devices\": [{\"name\": \"edit-box\"}]}").statusCode())
                .isEqualTo(200);
        admin.get("/inventory/devices/edit-box/edit");
        HttpResponse<String> answer = admin.post("/inventory/devices/edit-box/edit", Map.of("site", "Nowhere",
                "addresses", "192.0.2.80 | 192.0.2.81"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-field=\"site\"", "refers to unknown site “Nowhere”",
                "value=\"192.0.2.80 | 192.0.2.81\"");
        assertThat(app.getObject("/api/v1/inventory/devices/edit-box")).doesNotContainKey("site");
        HttpResponse<String> good = admin.post("/inventory/devices/edit-box/edit", Map.of("site", "Acme Paris",
                "addresses", "192.0.2.80 | 192.0.2.81"));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/inventory/devices/edit-box").get("addresses"))
                .isEqualTo(java.util.List.of("192.0.2.80", "192.0.2.81"));
    }

    @Test
    void aFrenchPageWordsTheProblemsInFrenchWhileTheApiKeepsItsEnglish() {
        WebSession french = new WebSession(app.uri("/"), "fr");
        french.signIn("admin", TestApplication.ADMIN_PASSWORD, "/");
        assertThat(app.post("/api/v1/inventory/import", "{\"devices\": [{\"name\": \"fr-box\"}]}").statusCode())
                .isEqualTo(200);
        french.get("/inventory/devices/fr-box/edit");
        HttpResponse<String> edit = french.post("/inventory/devices/fr-box/edit", Map.of("site", "Nulle part"));
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(edit.body()).contains("ne correspond à aucun site de l’inventaire : « Nulle part »",
                "Problèmes relevés : 1 ; rien n’a été enregistré.").doesNotContain("refers to", "problem(s)");
        french.get("/inventory/import");
        HttpResponse<String> upload = french.upload("/inventory/import", Map.of("kind", "services"), "file", "s.csv",
                "text/csv", "reference,customer,criticality\nFR-1,Acme,urgent\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).contains("doit être l’une des valeurs high, medium, low, et non « urgent »")
                .doesNotContain("must be one of");
        french.get("/inventory/contacts/Paula%20Martin/delete");
        HttpResponse<String> delete = french.post("/inventory/contacts/Paula%20Martin/delete", Map.of());
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.body()).contains("ce contact est le chef de projet du client « Acme »")
                .doesNotContain("project manager of");
        HttpResponse<String> api = app.post("/api/v1/inventory/import",
                "{\"devices\": [{\"name\": \"fr-box\", \"site\": \"Nulle part\"}]}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).as("the API's body is as it was").contains("refers to unknown site 'Nulle part'");
    }

    @Test
    void aViewerSeesNoWriteButtonsAndCannotWrite() {
        assertThat(viewer.get("/inventory/devices").body()).doesNotContain("/inventory/import");
        assertThat(viewer.get("/inventory/devices/bulk-05").body()).doesNotContain("/delete", "/edit");
        assertThat(viewer.get("/inventory/import").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/inventory/devices/bulk-05/delete").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/inventory/devices/bulk-05/edit").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/inventory/devices/bulk-05/edit", Map.of("site", "Acme Paris")).statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/inventory/devices/bulk-05/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.upload("/inventory/import", Map.of("kind", "customers"), "file", "c.csv", "text/csv",
                "name,contract\nUmbrella,standard\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/v1/inventory/devices/bulk-05").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/inventory/customers/Umbrella").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnonymousBrowserIsSentToSignIn() {
        WebSession anonymous = new WebSession(app.uri("/"), "en");
        for (String path : new String[] {"/inventory", "/inventory/devices", "/inventory/devices/bulk-01",
                "/inventory/import"}) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/signin");
        }
    }
}
