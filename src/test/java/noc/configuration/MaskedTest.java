package noc.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import noc.ingest.snmp.UsmUserConfiguration;
import noc.notify.EmailConfiguration;
import noc.notify.NotifyConfiguration;

class MaskedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:9000/hook                                     | http://127.0.0.1:9000/****
            https://chat.example.com                                       | https://chat.example.com
            https://noc:secret@chat.example.com/hook                       | https://****@chat.example.com/****
            https://hooks.slack.com/services/T000/B000/XXXXXXXX            | https://hooks.slack.com/****
            https://ntfy.sh/noc-secret-topic                               | https://ntfy.sh/****
            https://api.telegram.org/bot123:AAA/sendMessage                | https://api.telegram.org/****
            https://itsm.example.com/events?token=abc&team=noc             | https://itsm.example.com/****?token=****&team=****
            https://itsm.example.com/events?abc                            | https://itsm.example.com/****?****
            https://itsm.example.com/events#key                            | https://itsm.example.com/****
            not a url with a secret                                        | **** (not a URL)
            """)
    void aWebhookKeepsItsSchemeHostAndPortOnly(String url, String logged) {
        assertThat(Masked.webhook(url)).isEqualTo(logged);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mariadb://db:3306/noc                                          | jdbc:mariadb://db:3306/noc
            jdbc:mariadb://db:3306/noc?useSsl=true&password=pw&user=noc         | jdbc:mariadb://db:3306/noc?useSsl=true&password=****&user=noc
            jdbc:mariadb://noc:pw@db:3306/noc                                   | jdbc:mariadb://****@db:3306/noc
            jdbc:mariadb://db/noc?keyStorePassword=k&trustStorePassword=t       | jdbc:mariadb://db/noc?keyStorePassword=****&trustStorePassword=****
            jdbc:mariadb:replication://a:3306,b:3306/noc?pwd=x                  | jdbc:mariadb:replication://a:3306,b:3306/noc?pwd=****
            jdbc:mariadb:odd?password=x                                         | jdbc:mariadb:odd?password=****
            """)
    void aJdbcUrlLosesItsCredentialsButKeepsItsOptions(String url, String logged) {
        assertThat(Masked.jdbcUrl(url)).isEqualTo(logged);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(value = {"'', none", "hunter2, ****"})
    void aSecretSaysOnlyWhetherItIsSet(String value, String logged) {
        assertThat(Masked.secret(value)).isEqualTo(logged);
    }

    @Test
    void theConfigurationRecordsThatHoldSecretsPrintNone() {
        String printed = new EmailConfiguration("smtp.example.net", 25, "mailer", "smtp-password", true,
                "noc@example.net", Duration.ofSeconds(5)) + " "
                + new NotifyConfiguration(List.of("https://u:hook-password@chat.example.com/services/T0/hook-key"), 8,
                        Duration.ofMinutes(10), "https://noc.example.net", Path.of("templates"), "link-key",
                        Duration.ofDays(7), "UTC", Duration.ofDays(30), null) + " "
                + new UsmUserConfiguration(0, "collector", "SHA-256", "auth-passphrase", "AES-128", "priv-passphrase", null);

        assertThat(printed).contains("smtp.example.net", "chat.example.com", "collector")
                .doesNotContain("smtp-password", "hook-password", "hook-key", "link-key", "auth-passphrase",
                        "priv-passphrase");
    }
}
