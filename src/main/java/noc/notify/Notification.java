package noc.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A message to deliver, as the engine writes it into the outbox with the cycle that caused it. */
public record Notification(String ticketReference, Channel channel, String recipient, String event, String body,
                           Instant createdAt) {

    public Notification {
        requireNonNull(ticketReference, "ticketReference is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(recipient, "recipient is null");
        requireNonNull(event, "event is null");
        requireNonNull(body, "body is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** How a notification travels. */
    public enum Channel {
        WEBHOOK, EMAIL
    }
}
