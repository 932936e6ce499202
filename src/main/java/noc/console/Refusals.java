package noc.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import noc.ticket.TicketCommand;
import noc.ticket.TicketStatus;

/**
 * The engine's refusal of an action said in a page's language: {@code refusal.<KIND>} of the
 * console's messages with the refusal's arguments, the statuses and actions among them in words
 * ({@code refusal.status.*}, {@code refusal.action.*}). A refusal known only by its sentence (a rule
 * of the operator's) is shown as the API gives it. The API's problem bodies stay in English.
 */
@Singleton
public class Refusals {

    private final MessageSource messages;

    public Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public String text(TicketCommand.Refused refused, Locale locale) {
        List<String> arguments = refused.arguments();
        Object[] values = switch (refused.kind()) {
            case STATE -> arguments.size() < 3 ? null : new Object[]{word("status", arguments.get(0), locale),
                    word("action", arguments.get(1), locale), statuses(arguments.get(2), locale)};
            case CLOSED, NOT_ESCALATED, NO_ESCALATION, UNKNOWN_CUSTOMER, ALREADY_CUSTOMER -> arguments.toArray();
            case OTHER -> null;
        };
        if (values == null) {
            return refused.reason();
        }
        return messages.getMessage("refusal." + refused.kind().name(), locale, values).orElse(refused.reason());
    }

    private String word(String kind, String name, Locale locale) {
        return messages.getMessage("refusal." + kind + "." + name, locale).orElse(name);
    }

    /**
     * {@code RESOLVED,OPEN,ACKNOWLEDGED} as "open, acknowledged or resolved": in the order of a
     * ticket's life, the last one after "or".
     */
    private String statuses(String names, Locale locale) {
        List<String> sorted = Arrays.stream(names.split(",")).filter(name -> !name.isBlank())
                .sorted(Comparator.comparingInt(Refusals::lifeOrder)).toList();
        List<String> words = new ArrayList<>();
        for (String name : sorted) {
            words.add(word("status", name, locale));
        }
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1))
                + messages.getMessage("refusal.or", locale).orElse(" or ") + words.get(words.size() - 1);
    }

    private static int lifeOrder(String status) {
        for (TicketStatus each : TicketStatus.values()) {
            if (each.name().equals(status)) {
                return each.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
