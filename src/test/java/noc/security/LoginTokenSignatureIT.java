package noc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;

/** Login tokens are signed with the key kept in MariaDB, and a token that is not is refused. */
class LoginTokenSignatureIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("token_signature"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLoginTokenIsSignedWithHs256() {
        String token = app.login("admin", TestApplication.ADMIN_PASSWORD);
        assertThat(decode(token.split("\\.")[0])).contains("\"alg\":\"HS256\"");
        assertThat(app.withToken(token).get("/api/v1/alarms").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenWithTheAdminsClaimsIsRefused() {
        String claims = app.login("admin", TestApplication.ADMIN_PASSWORD).split("\\.")[1];
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims + ".";
        assertThat(app.withToken(unsigned).get("/api/v1/alarms").statusCode()).isEqualTo(401);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
