package noc.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import noc.api.ConstraintViolationHandler;
import noc.api.Problem;

/**
 * Checks what a portal form posts with the constraints of the REST body it stands for (the very same
 * annotations, so the form and the API refuse the same things) and says what is wrong next to each
 * field, in the page's language: {@code portal.invalid.<field>.<Constraint>}, else
 * {@code portal.invalid.<Constraint>}, else the API's own message.
 */
@Singleton
public class PortalForms {

    private final Validator validator;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public PortalForms(Validator validator, MessageSource messages, HttpLocaleResolver locales) {
        this.validator = validator;
        this.messages = messages;
        this.locales = locales;
    }

    /** Each field of {@code body} that breaks a constraint, with what to say about it (the first problem of each). */
    public Map<String, String> errors(Object body, HttpRequest<?> request) {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(body)) {
            String field = field(ConstraintViolationHandler.path(violation));
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Object max = violation.getConstraintDescriptor().getAttributes().getOrDefault("max", "");
            String message = messages.getMessage("portal.invalid." + field + "." + constraint, locale, max)
                    .or(() -> messages.getMessage("portal.invalid." + constraint, locale, max))
                    .orElse(violation.getMessage());
            errors.merge(field, message, (first, next) -> first);
        }
        return errors;
    }

    /** The problems the API finds past the constraints ({@link noc.api.FieldReader}), with its words. */
    public static void add(List<Problem.FieldError> found, Map<String, String> errors) {
        for (Problem.FieldError error : found) {
            errors.merge(field(error.field()), error.message(), (first, next) -> first);
        }
    }

    /** The form's field of a body path: {@code serviceReferences[2]} is the field {@code serviceReferences}. */
    private static String field(String path) {
        int end = path.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }
}
