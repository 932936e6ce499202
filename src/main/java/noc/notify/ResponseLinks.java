package noc.notify;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * The links of emails through which a recipient follows a ticket and answers without an account:
 * confirm or dispute a resolution (P-4.3), acknowledge an escalation (P-5.4). A link names the ticket, what it allows,
 * for whom and until when, signed with HMAC-SHA256 so that it cannot be forged or changed.
 *
 * <p>A link that answers names the occasion it was sent for, the resolution or the escalation to a
 * level, by its time: it acts only while the ticket stands at that occasion, so a link sent for one
 * resolution neither confirms nor disputes a later one, and once it has acted (the ticket confirmed,
 * reopened, acknowledged) it has nothing left to do.
 */
@Singleton
public class ResponseLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final NotifyConfiguration configuration;

    public ResponseLinks(NotifyConfiguration configuration, TransactionOperations<Connection> transactions) {
        this.configuration = configuration;
        String secret = configuration.linkSecret().isBlank() ? noc.database.AppSecrets.getOrCreate(transactions, "response-links", 32) : configuration.linkSecret();
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * What a link allows.
     *
     * @param occasion when the resolution ({@code closure}) or the escalation to {@code level}
     *                 ({@code acknowledge}) it answers happened, to the millisecond as tickets keep it;
     *                 null for {@code follow}, and in links made before links were bound
     */
    public record Grant(String kind, String reference, int level, @Nullable Instant occasion, String email,
                        Instant expires) {

        public static final String CLOSURE = "closure";
        public static final String ACKNOWLEDGE = "acknowledge";
        /** Only to follow the ticket: its status and public entries. */
        public static final String FOLLOW = "follow";

        public Grant {
            requireNonNull(kind, "kind is null");
            requireNonNull(reference, "reference is null");
            requireNonNull(email, "email is null");
            requireNonNull(expires, "expires is null");
            occasion = occasion == null ? null : occasion.truncatedTo(ChronoUnit.MILLIS);
        }

        /**
         * Whether a ticket last resolved at {@code resolvedAt} (null while not resolved) and escalated
         * to {@code escalationLevel} at {@code escalatedAt} still stands at this grant's occasion.
         */
        public boolean isFor(@Nullable Instant resolvedAt, int escalationLevel, @Nullable Instant escalatedAt) {
            return switch (kind) {
                case CLOSURE -> sameMillisecond(occasion, resolvedAt);
                case ACKNOWLEDGE -> level == escalationLevel && sameMillisecond(occasion, escalatedAt);
                default -> true;
            };
        }

        /** Equal to the millisecond, the precision of the ticket's columns (which may round, not cut). */
        private static boolean sameMillisecond(@Nullable Instant granted, @Nullable Instant current) {
            return granted != null && current != null
                    && Math.abs(granted.toEpochMilli() - current.truncatedTo(ChronoUnit.MILLIS).toEpochMilli()) <= 1;
        }
    }

    /** The address of the page that answers {@code grant}. */
    public String url(Grant grant) {
        return configuration.publicUrl() + "/respond/" + token(grant);
    }

    public String ticketUrl(String reference) {
        return configuration.publicUrl() + "/api/v1/tickets/" + reference;
    }

    /** A grant for {@code occasion}, valid for the configured link validity from {@code now}. */
    public Grant grant(String kind, String reference, int level, @Nullable Instant occasion, String email,
                       Instant now) {
        return new Grant(kind, reference, level, occasion, email, now.plus(configuration.linkValidity()));
    }

    String token(Grant grant) {
        String payload = String.join("\n", grant.kind(), grant.reference(), Integer.toString(grant.level()),
                grant.email(), Long.toString(grant.expires().getEpochSecond()),
                grant.occasion() == null ? "" : Long.toString(grant.occasion().toEpochMilli()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The grant of a token, if it is genuine; whether it has expired is the caller's to check. */
    public Optional<Grant> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            // Five parts: a link made before links were bound to their occasion (it follows, answers nothing).
            if (parts.length != 5 && parts.length != 6) {
                return Optional.empty();
            }
            Instant occasion = parts.length == 6 && !parts[5].isEmpty()
                    ? Instant.ofEpochMilli(Long.parseLong(parts[5])) : null;
            return Optional.of(new Grant(parts[0], parts[1], Integer.parseInt(parts[2]), occasion, parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
