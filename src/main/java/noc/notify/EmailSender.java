package noc.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import noc.database.JsonColumns;
import noc.inventory.Language;

/**
 * Emails over SMTP through Micronaut Email: the message's template rendered in the recipient's
 * language (the one planned with it, else {@code noc.locale}'s) with its values, the
 * links added (the signed page that follows the ticket, or answers a closure notice or an
 * escalation; the ticket in the REST API, for staff), and the
 * ticket's reference in the subject and in a {@code References} header, so that mail readers
 * thread the messages of one ticket (P-2.3).
 */
@Singleton
class EmailSender implements OutboxDeliverer.ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
    /**
     * The SMTP exchanges of one email, each bounded by {@code noc.notify.email.timeout}: connection,
     * greeting, EHLO, MAIL, RCPT, DATA and its end, QUIT, counted as six (a server that stalls at each
     * step is rare; should one, a claim's lease may run out mid-send).
     */
    private static final int EXCHANGES = 6;

    private final JavaxEmailSender sender;
    private final EmailConfiguration configuration;
    private final Templates templates;
    private final ResponseLinks links;
    private final JsonColumns json;
    private final Clock clock;
    private final MessageSource messages;
    private final Language defaultLanguage;

    EmailSender(JavaxEmailSender sender, EmailConfiguration configuration, Templates templates, ResponseLinks links,
                JsonColumns json, Clock clock, MessageSource messages, @Value("${noc.locale:fr}") String locale) {
        this.sender = sender;
        this.configuration = configuration;
        this.templates = templates;
        this.links = links;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
        this.defaultLanguage = Language.configured(locale);
    }

    @Override
    public Duration longestSend() {
        return configuration.enabled() ? configuration.timeout().multipliedBy(EXCHANGES) : Duration.ZERO;
    }

    @Override
    public void send(Outbox.Pending pending) throws OutboxDeliverer.DeliveryException {
        EmailMessage message = json.read(pending.body(), EmailMessage.class);
        Map<String, String> values = new HashMap<>(message.values());
        String reference = pending.ticketReference();
        values.put("ticketUrl", links.url(links.grant(ResponseLinks.Grant.FOLLOW, reference, 0, null,
                pending.recipient(), clock.instant())));
        values.put("apiUrl", links.ticketUrl(reference));
        values.put("respondUrl", message.respond().isEmpty() ? "" : links.url(links.grant(message.respond(),
                reference, Integer.parseInt(values.getOrDefault("level", "0")), message.occasion(),
                pending.recipient(), clock.instant())));
        Language language = Language.of(message.language()).orElse(defaultLanguage);
        values.putAll(wording(language, values));
        Templates.Rendered rendered = templates.render(language, message.template(), values);
        try {
            sender.send(Email.builder().from(configuration.from()).to(pending.recipient())
                    .subject(rendered.subject()).body(rendered.body()).build(), mail -> {
                        try {
                            mail.setHeader("References", "<" + reference + "@noc-correlator>");
                            mail.setHeader("X-NOC-Ticket", reference);
                            mail.setHeader("X-NOC-Notification", Long.toString(pending.id()));
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        } catch (EmailException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OutboxDeliverer.DeliveryException("SMTP " + configuration.host() + ":" + configuration.port()
                    + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        LOG.debug("Emailed {} about {}: {}", pending.recipient(), reference, rendered.subject());
    }

    /**
     * The values said in the recipient's language: {@code statusText} ("en cours de traitement") and
     * {@code levelName} ("superviseur du centre de support"), from {@code i18n/messages_*}.
     */
    private Map<String, String> wording(Language language, Map<String, String> values) {
        Map<String, String> wording = new HashMap<>();
        String status = values.getOrDefault("status", "");
        wording.put("statusText", status.isEmpty() ? "" : messages.getMessage("email.status." + status,
                language.locale()).orElse(status));
        String level = values.getOrDefault("level", "0");
        messages.getMessage("email.level." + level, language.locale()).ifPresent(name -> wording.put("levelName", name));
        return wording;
    }

    /**
     * The mail session, made with {@code Session.getInstance}: Micronaut's default provider takes
     * the JVM-wide session, whose first caller's properties would win.
     */
    @Singleton
    @Primary
    static final class SmtpSession implements SessionProvider {

        private final Session session;

        SmtpSession(EmailConfiguration configuration) {
            Properties properties = new Properties();
            properties.put("mail.transport.protocol", "smtp");
            properties.put("mail.smtp.host", configuration.host().isBlank() ? "localhost" : configuration.host());
            properties.put("mail.smtp.port", Integer.toString(configuration.port()));
            String timeout = Long.toString(configuration.timeout().toMillis());
            properties.put("mail.smtp.connectiontimeout", timeout);
            properties.put("mail.smtp.timeout", timeout);
            properties.put("mail.smtp.writetimeout", timeout);
            if (configuration.starttls()) {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            Authenticator authenticator = null;
            if (!configuration.username().isBlank()) {
                properties.put("mail.smtp.auth", "true");
                authenticator = new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(configuration.username(), configuration.password());
                    }
                };
            }
            this.session = Session.getInstance(properties, authenticator);
        }

        @Override
        public Session session() {
            return session;
        }
    }
}
