package noc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import noc.support.TestApplication;
import noc.support.TestDatabase;

class StrictBodiesIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("strict"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/incidents|null|x",
            "/api/v1/incidents||x",
            "/api/v1/incidents|{\"customerName\": 5, \"redundnt\": true, \"serviceReferences\": [\"a\", 3]}|x",
            "/api/v1/incidents|{\"customerName\": \"\", \"serviceReferences\": [\"a\", \"\"], \"contactEmail\": \"x\"}|x",
            "/api/v1/incidents|[1]|x",
            "/api/v1/incidents|{bad json|x",
    })
    void probe(String path, String body, String field) {
        HttpResponse<String> answer = app.post(path, body == null ? "" : body);
        System.out.println("PROBE " + body + " -> " + answer.statusCode() + " " + answer.headers().firstValue("Content-Type") + " " + answer.body());
    }
}
