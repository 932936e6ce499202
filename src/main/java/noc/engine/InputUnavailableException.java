package noc.engine;

import static java.util.Objects.requireNonNull;

/**
 * Told to the sender of an input that was taken but never reached where it was going (a collector's
 * record that Kafka did not acknowledge in time): nothing says it was accepted, so an inform stays
 * unanswered and an HTTP request gets 503, and the intake counts it under {@link #reason()}.
 */
public final class InputUnavailableException extends RuntimeException {

    private final String reason;

    public InputUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason is null");
    }

    /** The {@code reason} label the intakes count it under ({@code kafka_unavailable}). */
    public String reason() {
        return reason;
    }
}
