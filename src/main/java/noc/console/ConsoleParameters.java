package noc.console;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.security.Directory;
import noc.security.User;

/**
 * How the console's pages read what a link or a form gives them: a page number, a text that may be
 * blank, and the time zone in which the signed-in person reads and types dates.
 */
final class ConsoleParameters {

    private ConsoleParameters() {
    }

    /**
     * The page number a {@code page} parameter asks for: 1 when absent or blank, else a number from 1 to
     * {@code last}; anything else is a 400 naming {@code page}, as a number out of range is.
     */
    static int page(@Nullable String page, int last) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1 && number <= last) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("The page is a number from 1 to " + last,
                List.of(new Problem.FieldError("page", "must be a number from 1 to " + last)));
    }

    /**
     * The zone in which a page gives days and reads the date-times a form sends for {@code caller}: the
     * one the person chose in their settings ({@link Directory}'s {@code timeZone}), else {@code fallback}
     * ({@code noc.notify.time-zone}), as a page's {@code <time>} elements read without script.
     */
    static ZoneId zone(Directory directory, Authentication caller, ZoneId fallback) {
        String chosen = directory.user(caller.getName()).map(User::timeZone).orElse(null);
        if (chosen == null || chosen.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(chosen);
        } catch (DateTimeException e) {
            return fallback; // a zone this JDK no longer knows: the console's own
        }
    }

    /** {@code text} without the spaces around it, or null when it is absent or only spaces. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
