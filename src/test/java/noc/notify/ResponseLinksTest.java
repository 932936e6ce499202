package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Links that let an email's recipient answer: genuine ones verify, changed ones do not, and each
 * answers only the resolution or escalation it was sent for.
 */
class ResponseLinksTest {

    private static ResponseLinks links(String secret) {
        return new ResponseLinks(new NotifyConfiguration(List.of(), 8, Duration.ofMinutes(10), "http://noc.example/",
                java.nio.file.Path.of("templates"), secret, Duration.ofDays(7), "UTC", Duration.ofDays(30), null), null);
    }

    @Test
    void aLinkCarriesItsGrantAndAnyChangeOrAnotherKeyBreaksIt() {
        ResponseLinks links = links("one secret");
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        ResponseLinks.Grant grant = links.grant(ResponseLinks.Grant.CLOSURE, "INC-2026-000001", 0,
                now.minusSeconds(60), "alice@acme.example", now);
        assertThat(grant.expires()).isEqualTo(now.plus(Duration.ofDays(7)));
        String url = links.url(grant);
        assertThat(url).startsWith("http://noc.example/respond/");
        String token = url.substring(url.lastIndexOf('/') + 1);

        assertThat(links.verify(token)).contains(grant);
        String forged = links("another secret").token(new ResponseLinks.Grant(ResponseLinks.Grant.CLOSURE,
                "INC-2026-000002", 0, grant.occasion(), "alice@acme.example", grant.expires()));
        assertThat(links.verify(forged)).isEmpty();
        // The grant of one link with the signature of another.
        String other = links.token(new ResponseLinks.Grant(ResponseLinks.Grant.ACKNOWLEDGE, "INC-2026-000001", 3,
                grant.occasion(), "alice@acme.example", grant.expires()));
        assertThat(links.verify(other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'))))
                .isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
        assertThat(links.verify("a.b")).isEmpty();
    }

    @Test
    void aLinkCarriesTheOccasionItWasSentForAndAChangedOccasionBreaksIt() {
        ResponseLinks links = links("one secret");
        Instant resolved = Instant.parse("2026-11-27T09:59:58.123456Z");
        ResponseLinks.Grant grant = links.grant(ResponseLinks.Grant.CLOSURE, "INC-2026-000001", 0, resolved,
                "alice@acme.example", NOW);
        String token = links.token(grant);

        assertThat(links.verify(token)).hasValueSatisfying(verified -> assertThat(verified.occasion())
                .isEqualTo(Instant.parse("2026-11-27T09:59:58.123Z")));
        String later = links.token(new ResponseLinks.Grant(ResponseLinks.Grant.CLOSURE, "INC-2026-000001", 0,
                resolved.plusSeconds(3600), "alice@acme.example", grant.expires()));
        assertThat(links.verify(later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.'))))
                .as("the grant of a later resolution with the signature of the first").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("occasions")
    void aLinkAnswersOnlyTheOccasionItWasSentFor(String situation, ResponseLinks.Grant grant, Instant resolvedAt,
                                                 int escalationLevel, Instant escalatedAt, boolean answers) {
        assertThat(grant.isFor(resolvedAt, escalationLevel, escalatedAt)).isEqualTo(answers);
    }

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-11-27T08:00:00.250Z");
    private static final Instant SECOND = Instant.parse("2026-11-27T09:30:00.500Z");

    static Stream<Arguments> occasions() {
        ResponseLinks.Grant closure = grant(ResponseLinks.Grant.CLOSURE, 0, FIRST);
        ResponseLinks.Grant level2 = grant(ResponseLinks.Grant.ACKNOWLEDGE, 2, FIRST);
        return Stream.of(
                Arguments.of("closure, its own resolution", closure, FIRST, 0, null, true),
                Arguments.of("closure, its resolution as a column that rounded to the millisecond", closure,
                        FIRST.plusMillis(1), 0, null, true),
                Arguments.of("closure, a later resolution", closure, SECOND, 0, null, false),
                Arguments.of("closure, no longer resolved", closure, null, 0, null, false),
                Arguments.of("closure made before links were bound", grant(ResponseLinks.Grant.CLOSURE, 0, null),
                        FIRST, 0, null, false),
                Arguments.of("escalation, its own level and time", level2, null, 2, FIRST, true),
                Arguments.of("escalation, the next level", level2, null, 3, SECOND, false),
                Arguments.of("escalation, the same level reached again later", level2, null, 2, SECOND, false),
                Arguments.of("follow, whatever happened", grant(ResponseLinks.Grant.FOLLOW, 0, null), SECOND, 3,
                        SECOND, true));
    }

    private static ResponseLinks.Grant grant(String kind, int level, Instant occasion) {
        return new ResponseLinks.Grant(kind, "INC-2026-000001", level, occasion, "alice@acme.example",
                NOW.plusSeconds(3600));
    }
}
