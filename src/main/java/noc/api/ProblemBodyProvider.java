package noc.api;

import java.util.List;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Every error the framework answers by itself (unknown route, wrong method, unreadable parameter)
 * gets an RFC 7807 problem body too, like the ones the controllers write.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<Problem.FieldError> errors = context.getErrors().stream()
                .map(e -> e.getMessage() != null && e.getMessage().startsWith("Required Body")
                        ? new Problem.FieldError("", "is required: a JSON object")
                        : new Problem.FieldError(e.getPath().orElse(""), sentence(e.getMessage()))).toList();
        String detail = errors.isEmpty() ? response.reason() : errors.get(0).message();
        String type = "/problems/" + response.getStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new Problem(type, response.getStatus().getReason(), response.code(), detail,
                context.getRequest().getPath(), errors.isEmpty() ? null : errors);
    }

    /** A framework message that names Java types or exceptions is replaced by a plain sentence. */
    static String sentence(String message) {
        if (message == null || message.contains("java.") || message.contains("Exception") || message.contains("class ")
                || message.contains("SQL") || message.contains("\tat ")) {
            return "has a value that cannot be read";
        }
        return message;
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
