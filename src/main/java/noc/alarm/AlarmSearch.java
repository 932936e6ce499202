package noc.alarm;

import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/**
 * What the console's board and history look for in an alarm, each a part of a value in any case (null:
 * anything): {@code source}, of its source or of the inventory device that has that address;
 * {@code customer}, of a customer of one of that device's services; {@code text}, of its name, source,
 * resource, ticket, device or customers. The device of an alarm is the one with its source as an
 * address, else the one named as its source.
 */
public record AlarmSearch(@Nullable String source, @Nullable String customer, @Nullable String text) {

    public AlarmSearch {
        source = lowered(source);
        customer = lowered(customer);
        text = lowered(text);
    }

    private static String lowered(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
