package noc.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import noc.ticket.TicketCommand;

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

    /** {@code OPEN,ACKNOWLEDGED} as "open or acknowledged". */
    private String statuses(String names, Locale locale) {
        List<String> words = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                words.add(word("status", name, locale));
            }
        }
        return String.join(messages.getMessage("refusal.or", locale).orElse(" or "), words);
    }
}
