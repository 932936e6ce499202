package noc.ticket;

import io.micronaut.core.annotation.Introspected;

/** The last ticket number handed out in a year. */
@Introspected
public record ReferenceCounter(int year, long lastValue) {
}
