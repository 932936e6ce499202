package noc.console;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The console's texts, French and English: {@code i18n/messages_fr.properties} and {@code messages_en.properties}. */
@Factory
public class ConsoleMessages {

    @Singleton
    MessageSource consoleMessageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
