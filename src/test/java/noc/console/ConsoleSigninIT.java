package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** Signing in to the console over HTTP: the cookie, the CSRF check, where each person lands, the API left alone. */
class ConsoleSigninIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_signin"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}]}""").statusCode()).isEqualTo(200);
        app.user("vera", null, "viewer");
        app.user("carl", "Acme", "customer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebSession browser(String language) {
        return new WebSession(app.uri("/"), language);
    }

    @Test
    void anAnonymousVisitToTheBoardIsSentToTheSigninForm() {
        HttpResponse<String> answer = browser("en").get("/");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/signin");
    }

    @Test
    void anHtmxRequestWithoutASessionSendsTheWholePageToTheSigninForm() {
        HttpResponse<String> answer = browser("en").get("/board/rows", "text/html", "HX-Request", "true");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("HX-Redirect")).hasValue("/signin");
    }

    @Test
    void staffLandOnTheBoardWithAnHttpOnlySameSiteSessionCookie() {
        WebSession browser = browser("en");
        browser.signIn("vera", "vera-password", "/");
        HttpCookie session = browser.cookies().getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SessionCookie.NAME)).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        HttpResponse<String> board = browser.get("/");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.headers().firstValue("Set-Cookie").orElse("")).doesNotContain(SessionCookie.NAME);
        assertThat(board.body()).contains("Active alarms", "Signed in as vera");
    }

    @Test
    void theSessionCookieIsSameSiteStrict() {
        WebSession browser = browser("en");
        browser.get("/signin");
        HttpResponse<String> answer = browser.post("/signin", Map.of("username", "vera", "password", "vera-password"));
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SessionCookie.NAME)).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase(java.util.Locale.ROOT)).contains("httponly", "samesite=strict", "path=/")
                .doesNotContain("secure");
    }

    @Test
    void aCustomerLandsOnThePortalInFrench() {
        WebSession browser = browser("fr");
        browser.signIn("carl", "carl-password", "/portal");
        HttpResponse<String> portal = browser.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Espace client", "Vos incidents (Acme)", "Signaler un incident");
        HttpResponse<String> board = browser.get("/");
        assertThat(board.statusCode()).as("a customer opening the board goes to the portal").isEqualTo(303);
        assertThat(board.headers().firstValue("Location")).contains("/portal");
    }

    @Test
    void aSignedInBrowserWithoutTheRoleGetsAPageSayingSo() {
        WebSession browser = browser("fr");
        browser.signIn("carl", "carl-password", "/portal");
        HttpResponse<String> refused = browser.get("/tickets");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Votre compte ne permet pas d’ouvrir cette page.", "href=\"/portal\"")
                .doesNotContain("\"status\"", "Exception");
        // A client that does not ask for a page keeps the API's answer.
        HttpResponse<String> problem = browser.get("/tickets", "*/*");
        assertThat(problem.statusCode()).isEqualTo(403);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/html");
    }

    @Test
    void wrongCredentialsShowTheFormWithAnErrorAndNoSession() {
        WebSession browser = browser("fr");
        browser.get("/signin");
        HttpResponse<String> answer = browser.post("/signin", Map.of("username", "vera", "password", "wrong"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Identifiant ou mot de passe incorrect.", "name=\"username\"")
                .doesNotContain("Exception");
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(SessionCookie.NAME));
    }

    @Test
    void aFormWithoutTheTokenOfItsCookieIsRefused() {
        WebSession browser = browser("en");
        browser.get("/signin");
        HttpResponse<String> forged = browser.post("/signin", Map.of("username", "vera", "password", "vera-password",
                "csrfToken", "forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("The form had expired");
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(SessionCookie.NAME));
        // Another browser's token is no good either: it is bound to that browser's cookie.
        WebSession other = browser("en");
        other.get("/signin");
        assertThat(browser.post("/signin", Map.of("username", "vera", "password", "vera-password",
                "csrfToken", other.csrfToken())).statusCode()).isEqualTo(400);
    }

    @Test
    void theApiTakesNoSessionCookie() {
        WebSession browser = browser("en");
        browser.signIn("vera", "vera-password", "/");
        assertThat(browser.get("/api/v1/alarms", "application/json").statusCode()).isEqualTo(401);
        assertThat(app.as("vera", "vera-password").get("/api/v1/alarms").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionInTheBrowser() {
        WebSession browser = browser("en");
        browser.signIn("vera", "vera-password", "/");
        browser.get("/");
        HttpResponse<String> answer = browser.post("/signout", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/signin");
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void theLiveStreamIsServerSentEventsForStaffOnly() {
        WebSession browser = browser("en");
        browser.signIn("vera", "vera-password", "/");
        WebSession.StreamStart stream = browser.open("/board/events", "event: alarms".length());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.start()).isEqualTo("event: alarms");
        assertThat(browser("en").open("/board/events", 0).status()).isEqualTo(303);
    }
}
