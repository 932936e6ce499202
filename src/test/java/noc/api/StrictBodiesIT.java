package noc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * Issue #9, point 5: every people-facing body is taken strictly. A wrong type, an unknown field, a
 * null or empty body, too many items or a string longer than its column is a 400 problem naming the
 * field, with no exception text; a value at its column's size is taken.
 */
class StrictBodiesIT {

    private static final String DECLARATION = """
            {"customerName": "Initrode", "siteAddress": "3 rue de la Paix, Paris", "serviceReferences": ["INI-1"],
             "contactName": "Marie Curie", "contactPhone": "+33 1 23 45 67 89", "contactEmail": "marie@example.com",
             "faultyElements": "router", "description": "No Internet", "impact": "disruption"%s}""";
    private static final String WINDOW = """
            {"title": "Router upgrade", "start": "2030-03-02T22:00:00Z", "end": "2030-03-02T23:00:00Z",
             "scope": {"devices": ["strict-cpe-1"]}%s}""";
    private static final String ALERT = """
            {"version": "4", "alerts": [{"status": "firing", "labels": {"alertname": "%s", "instance": "%s"}}]}""";

    private static TestApplication app;
    private static String ticket;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("strict"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"devices": [{"name": "strict-cpe-1"}]}""").statusCode()).isEqualTo(200);
        HttpResponse<String> declared = app.post("/api/v1/incidents", DECLARATION.formatted(""));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        ticket = ((Map<?, ?>) app.parse(declared.body())).get("reference").toString();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String chars(int length) {
        return "x".repeat(length);
    }

    private static String strings(int count) {
        return "[" + String.join(",", Collections.nCopies(count, "\"s\"")) + "]";
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // the measured failures of the issue
                Arguments.of("POST", "/api/v1/incidents", DECLARATION.formatted(", \"redundnt\": true"), "redundnt"),
                Arguments.of("POST", "/api/v1/incidents", "null", ""),
                Arguments.of("PUT", "/api/v1/inventory/contacts/Paula", """
                        {"role": "%s", "phone": "+33 1 41 58 22 50", "email": "p@example.com"}""".formatted(chars(65)),
                        "role"),
                Arguments.of("POST", "/api/v1/incidents",
                        DECLARATION.formatted("").replace("[\"INI-1\"]", strings(100_000)), "serviceReferences"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", """
                        {"by": {"role": "admin"}, "text": ["hello"]}""", "by"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", """
                        {"text": ["hello"]}""", "text"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", """
                        {"text": "hello", "public": "yes"}""", "public"),
                Arguments.of("POST", "/api/v1/alertmanager", ALERT.formatted(chars(256), "sw1"),
                        "alerts[0].labels.alertname"),
                // declarations
                Arguments.of("POST", "/api/v1/incidents", "", ""),
                Arguments.of("POST", "/api/v1/incidents", "[]", ""),
                Arguments.of("POST", "/api/v1/incidents", "{not json", ""),
                Arguments.of("POST", "/api/v1/incidents", DECLARATION.formatted("").replace("\"Initrode\"", "5"),
                        "customerName"),
                Arguments.of("POST", "/api/v1/incidents", DECLARATION.formatted("").replace("\"Initrode\"",
                        "\"" + chars(256) + "\""), "customerName"),
                Arguments.of("POST", "/api/v1/incidents",
                        DECLARATION.formatted("").replace("[\"INI-1\"]", strings(51)), "serviceReferences"),
                Arguments.of("POST", "/api/v1/incidents",
                        DECLARATION.formatted("").replace("[\"INI-1\"]", "\"INI-1\""), "serviceReferences"),
                Arguments.of("POST", "/api/v1/incidents",
                        DECLARATION.formatted("").replace("[\"INI-1\"]", "[\"" + chars(129) + "\"]"),
                        "serviceReferences[0]"),
                // inventory
                Arguments.of("PUT", "/api/v1/inventory/customers/Acme", "null", ""),
                Arguments.of("PUT", "/api/v1/inventory/customers/Acme", "{\"contract\": \"standard\", \"tier\": 1}",
                        "tier"),
                Arguments.of("PUT", "/api/v1/inventory/services/S1", """
                        {"customer": "Acme", "criticality": "high", "redundant": "yes"}""", "redundant"),
                Arguments.of("PUT", "/api/v1/inventory/devices/d1", "{\"services\": " + strings(1001) + "}",
                        "services"),
                Arguments.of("POST", "/api/v1/inventory/import", """
                        {"contacts": [{"name": "a", "role": "r", "phone": "+33 1 41 58 22 50", "email": "a@example.com"},
                                      {"name": "b", "role": "r", "phone": "+33 1 41 58 22 50", "email": "b@example.com"},
                                      {"name": "c", "role": "%s", "phone": "+33 1 41 58 22 50", "email": "c@example.com"}]}
                        """.formatted(chars(65)), "contacts[2].role"),
                Arguments.of("POST", "/api/v1/inventory/import", "{\"customers\": {\"name\": \"Acme\"}}", "customers"),
                Arguments.of("POST", "/api/v1/inventory/import", "{\"sites\": [{\"name\": \"s\", \"address\": 12}]}",
                        "sites[0].address"),
                Arguments.of("PUT", "/api/v1/inventory/sites/s1", """
                        {"address": "1 quai", "domain": "%s"}""".formatted(chars(256)), "domain"),
                Arguments.of("POST", "/api/v1/inventory/import", """
                        {"sites": [{"name": "s", "address": "1 quai", "domain": "%s"}]}""".formatted(chars(256)),
                        "sites[0].domain"),
                // maintenance
                Arguments.of("POST", "/api/v1/maintenance-windows", "", ""),
                Arguments.of("POST", "/api/v1/maintenance-windows", WINDOW.formatted("").replace("Router upgrade",
                        chars(500)), "title"),
                Arguments.of("POST", "/api/v1/maintenance-windows", WINDOW.formatted(", \"owner\": \"me\""), "owner"),
                Arguments.of("POST", "/api/v1/maintenance-windows",
                        WINDOW.formatted("").replace("[\"strict-cpe-1\"]", "[1]"), "scope.devices[0]"),
                // ticket actions
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", "null", ""),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", "", ""),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment",
                        "{\"text\": \"" + chars(3001) + "\"}", "text"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/set-priority",
                        "{\"priority\": \"P2\", \"text\": \"" + chars(2001) + "\"}", "text"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/comment", "{\"text\": 5}", "text"),
                Arguments.of("POST", "/api/v1/tickets/{ticket}/escalations/1/acknowledge",
                        "{\"redundnt\": true}", "redundnt"),
                // rules
                Arguments.of("POST", "/api/v1/rules/validate", "{\"files\": []}", "files"),
                Arguments.of("POST", "/api/v1/rules/validate", "{\"files\": {\"a.drl\": 5}}", "files.a.drl"),
                // intakes
                Arguments.of("POST", "/api/v1/alertmanager", ALERT.formatted("Down", chars(256)),
                        "alerts[0].labels.instance"),
                Arguments.of("POST", "/api/v1/alertmanager", "null", ""),
                Arguments.of("POST", "/api/v1/alarms", "{\"source\": \"sw1\", \"name\": \"" + chars(256) + "\"}",
                        "name"),
                Arguments.of("POST", "/api/v1/alarms", "{\"source\": {\"a\": 1}, \"name\": \"Down\"}", "source"),
                Arguments.of("POST", "/api/v1/alarms", "[{\"source\": \"sw1\", \"name\": \"Down\", \"resource\": \""
                        + chars(256) + "\"}]", "[0].resource"),
                Arguments.of("POST", "/api/v1/alarms", "{\"source\": \"" + chars(255) + "\", \"name\": \"" + chars(255)
                        + "\", \"resource\": \"" + chars(255) + "\"}", "reductionKey"));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("badBodies")
    void aBadBodyIsA400NamingItsFieldWithoutExceptionText(String method, String path, String body, String field) {
        String uri = path.replace("{ticket}", ticket);
        HttpResponse<String> answer = method.equals("PUT") ? app.put(uri, body) : app.post(uri, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) app.parse(answer.body()))
                .get("errors");
        assertThat(errors).as(answer.body()).extracting(e -> e.get("field")).contains(field);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("SQL")
                .doesNotContain("at noc.");
    }

    @Test
    void aValueAtItsColumnsSizeIsTaken() {
        HttpResponse<String> declared = app.post("/api/v1/incidents",
                DECLARATION.formatted("").replace("\"Initrode\"", "\"" + chars(255) + "\""));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);

        HttpResponse<String> contact = app.put("/api/v1/inventory/contacts/Paula", """
                {"role": "%s", "phone": "+33 1 41 58 22 50", "email": "p@example.com"}""".formatted(chars(64)));
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);

        HttpResponse<String> comment = app.post("/api/v1/tickets/" + ticket + "/comment",
                "{\"text\": \"" + chars(3000) + "\", \"public\": false}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);

        HttpResponse<String> alert = app.post("/api/v1/alertmanager", ALERT.formatted(chars(255), "sw1"));
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(200);
        assertThat(app.awaitList("/api/v1/alarms", alarms -> alarms.stream()
                .anyMatch(a -> a.get("name").equals(chars(255))))).isNotEmpty();
    }

    @Test
    void aDeclarationWithTooManyServicesWritesNoJournal() {
        int before = app.getList("/api/v1/tickets?status=all").size();

        HttpResponse<String> answer = app.post("/api/v1/incidents",
                DECLARATION.formatted("").replace("[\"INI-1\"]", strings(100_000)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(app.getList("/api/v1/tickets?status=all")).hasSize(before);
    }
}
