package noc.console;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import noc.api.Problem;
import noc.api.ProblemException;

/** How the console's pages read what a link or a form gives them: a page number, a text that may be blank. */
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

    /** {@code text} without the spaces around it, or null when it is absent or only spaces. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
