package noc.notify;

import java.time.Instant;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An email as the outbox keeps it: the template to render at delivery and the values the engine
 * gave it at the event, so that an edited template applies to what is still to be sent.
 *
 * @param respond what the recipient can answer through a signed link: {@code closure} (confirm or
 *                dispute a resolution), {@code acknowledge} (an escalation), or empty
 * @param occasion when the resolution or escalation that the link answers happened: the link is bound
 *                 to it ({@link ResponseLinks.Grant#occasion()}); null without a link
 * @param language the recipient's language ({@code fr}, {@code en}) as the inventory gives it; null for
 *                 {@code noc.locale}'s at delivery
 */
@Serdeable
public record EmailMessage(String template, @Nullable String respond, @Nullable Map<String, String> values,
                           @Nullable Instant occasion, @Nullable String language) {

    public EmailMessage {
        // Empty values may be left out of the JSON.
        respond = respond == null ? "" : respond;
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** An email in {@code noc.locale}'s language. */
    public EmailMessage(String template, @Nullable String respond, @Nullable Map<String, String> values,
                        @Nullable Instant occasion) {
        this(template, respond, values, occasion, null);
    }
}
