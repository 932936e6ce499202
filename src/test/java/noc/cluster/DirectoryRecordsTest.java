package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micronaut.json.JsonMapper;
import noc.inventory.CorrelationDomains;
import noc.security.ApiToken;
import noc.security.Role;

class DirectoryRecordsTest {

    private final DirectoryRecords records = new DirectoryRecords(JsonMapper.createDefault());

    @Test
    void aSourceEntryIsItsDomainAsTextAndATombstoneRemovesIt() {
        assertThat(DirectoryRecords.addressKey("192.0.2.1")).isEqualTo("address:192.0.2.1");
        assertThat(records.read("address:192.0.2.1", DirectoryRecords.domain("Paris POP")))
                .isEqualTo(new DirectoryRecords.Entry.Address("192.0.2.1", "Paris POP"));
        assertThat(records.read("address:192.0.2.1", null)).isEqualTo(new DirectoryRecords.Entry.Address("192.0.2.1", null));
    }

    @Test
    void theKeyOfASourceIsTheDomainAnEngineGivesItWhenTheInventoryDoesNotKnowIt() {
        // so that an entry's absence and the engines' reading of an unknown source agree
        assertThat(DirectoryRecords.addressKey("10.9.8.7")).isEqualTo(CorrelationDomains.of(java.util.List.of())
                .ofSource("10.9.8.7"));
    }

    @Test
    void aTokenTravelsByTheHashOfItsSecretWithItsNameRolesAndMaker() {
        ApiToken token = new ApiToken("alertmanager", "ab12", Set.of(Role.INTAKE, Role.METRICS), "admin",
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-02T08:00:00Z"));

        byte[] value = records.token(token);

        assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("ab12");
        assertThat(records.read(DirectoryRecords.tokenKey("ab12"), value)).isEqualTo(new DirectoryRecords.Entry.Token(
                "ab12", new ApiToken("alertmanager", "ab12", Set.of(Role.INTAKE, Role.METRICS), "admin",
                        Instant.parse("2026-12-01T08:00:00Z"), null)));
        assertThat(records.read("token:ab12", null)).isEqualTo(new DirectoryRecords.Entry.Token("ab12", null));
    }

    @Test
    void aRoleThisVersionDoesNotKnowGrantsNothing() {
        byte[] value = """
                {"name":"later","roles":["intake","time-travel"],"createdBy":"admin","createdAt":"2026-12-01T08:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(((DirectoryRecords.Entry.Token) records.read("token:cd34", value)).token().roles())
                .containsExactly(Role.INTAKE);
    }

    @Test
    void aTokenEntryThatIsNotATokensJsonIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> records.read("token:ef56", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the directory entry token:ef56 is not a token's JSON");
        assertThatThrownBy(() -> records.read("token:ef56", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the directory entry token:ef56 lacks a token's name, roles or maker");
    }

    @Test
    void aKeyOfAnotherKindIsLeftAlone() {
        assertThat(records.read("site:Paris", new byte[]{1})).isEqualTo(new DirectoryRecords.Entry.Other("site:Paris"));
    }
}
