package noc.notify;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import noc.inventory.Language;

/** The email templates, read and checked at startup when the email channel is on. */
@Factory
class TemplatesFactory {

    @Singleton
    Templates templates(NotifyConfiguration configuration, EmailConfiguration email,
                        @Value("${noc.locale:fr}") String locale) {
        Templates templates = new Templates(configuration.templates(), Language.configured(locale));
        if (email.enabled()) {
            try {
                templates.loadAll();
            } catch (Templates.TemplateException e) {
                throw new ConfigurationException("Email templates refused: " + e.getMessage());
            }
        }
        return templates;
    }
}
