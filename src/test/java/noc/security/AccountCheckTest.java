package noc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each check the console may show has its words in the page's language, not the API's English. */
class AccountCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyCheckHasItsWordsInEachLanguage(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = AccountCheckTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (AccountCheck check : AccountCheck.values()) {
            assertThat(messages.getProperty(check.key())).as(check.key()).isNotBlank()
                    .isNotEqualTo(check.error().message());
        }
    }
}
