package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Links that let an email's recipient answer: genuine ones verify, changed ones do not. */
class ResponseLinksTest {

    private static ResponseLinks links(String secret) {
        return new ResponseLinks(new NotifyConfiguration(List.of(), 8, Duration.ofMinutes(10), "http://noc.example/",
                java.nio.file.Path.of("templates"), secret, Duration.ofDays(7), "UTC", Duration.ofDays(30)), null);
    }

    @Test
    void aLinkCarriesItsGrantAndAnyChangeOrAnotherKeyBreaksIt() {
        ResponseLinks links = links("one secret");
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        ResponseLinks.Grant grant = links.grant(ResponseLinks.Grant.CLOSURE, "INC-2026-000001", 0,
                "alice@acme.example", now);
        assertThat(grant.expires()).isEqualTo(now.plus(Duration.ofDays(7)));
        String url = links.url(grant);
        assertThat(url).startsWith("http://noc.example/respond/");
        String token = url.substring(url.lastIndexOf('/') + 1);

        assertThat(links.verify(token)).contains(grant);
        String forged = links("another secret").token(new ResponseLinks.Grant(ResponseLinks.Grant.CLOSURE,
                "INC-2026-000002", 0, "alice@acme.example", grant.expires()));
        assertThat(links.verify(forged)).isEmpty();
        // The grant of one link with the signature of another.
        String other = links.token(new ResponseLinks.Grant(ResponseLinks.Grant.ACKNOWLEDGE, "INC-2026-000001", 3,
                "alice@acme.example", grant.expires()));
        assertThat(links.verify(other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'))))
                .isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
        assertThat(links.verify("a.b")).isEmpty();
    }
}
