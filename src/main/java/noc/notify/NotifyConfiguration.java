package noc.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import noc.configuration.Masked;

/**
 * Notifications ({@code noc.notify.*}).
 *
 * @param webhooks      URLs that receive every ticket event as a JSON POST (chat tools, ITSM bridges)
 * @param maxAttempts   deliveries tried before a notification is given up and journaled as failed
 * @param retryMax      the longest pause between two attempts
 * @param publicUrl     where people reach this service: the base of the links in emails
 * @param templates     the folder of the email templates, read again when a file changes
 * @param linkSecret    the key that signs the links of emails (to confirm, dispute, acknowledge); when
 *                      empty, one is made at the first start and kept in the database
 * @param linkValidity  how long such a link works
 * @param timeZone      the zone in which emails give times ({@code Europe/Paris}); UTC by default
 * @param retention     how long delivered and given-up notifications stay listed before they are purged
 * @param claimLease    how long a delivery attempt holds the notifications it claimed, so that no other
 *                      process sharing the database sends them; null: two minutes, or twice the longest
 *                      send when that is longer
 */
@ConfigurationProperties("noc.notify")
public record NotifyConfiguration(
        @Bindable(defaultValue = "") @NotNull List<String> webhooks,
        @Bindable(defaultValue = "8") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "10m") @NotNull Duration retryMax,
        @Bindable(defaultValue = "http://localhost:8080") @NotNull String publicUrl,
        @Bindable(defaultValue = "templates") @NotNull Path templates,
        @Bindable(defaultValue = "") @NotNull String linkSecret,
        @Bindable(defaultValue = "7d") @NotNull Duration linkValidity,
        @Bindable(defaultValue = "UTC") @NotNull String timeZone,
        @Bindable(defaultValue = "30d") @NotNull Duration retention,
        @Nullable Duration claimLease) {

    public NotifyConfiguration {
        webhooks = webhooks.stream().filter(w -> !w.isBlank()).toList();
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        zone(timeZone); // refuses an unknown zone at startup
        if (claimLease != null && (claimLease.isNegative() || claimLease.isZero())) {
            throw new IllegalArgumentException("noc.notify.claim-lease must be positive, not " + claimLease);
        }
    }

    /** How people are given times: {@code 2026-11-28 11:00:00 CET}, in {@code timeZone}. */
    public java.time.format.DateTimeFormatter times() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", java.util.Locale.ROOT)
                .withZone(zone(timeZone));
    }

    private static java.time.ZoneId zone(String name) {
        try {
            return java.time.ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("noc.notify.time-zone: not a time zone: " + name);
        }
    }

    /** Without the link key, and with the webhooks' secrets masked: a record prints every field. */
    @Override
    public String toString() {
        return "NotifyConfiguration[webhooks=" + webhooks.stream().map(Masked::webhook).toList() + ", maxAttempts="
                + maxAttempts + ", retryMax=" + retryMax + ", publicUrl=" + publicUrl + ", templates=" + templates
                + ", linkSecret=" + Masked.secret(linkSecret) + ", linkValidity=" + linkValidity + ", timeZone="
                + timeZone + ", retention=" + retention + ", claimLease=" + claimLease + "]";
    }
}
