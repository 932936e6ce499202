package noc.api;

import java.util.Comparator;
import java.util.List;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * A body that breaks its constraints is a 400 naming each field as the JSON has it
 * ({@code contacts[2].role}), not as Java does ({@code put.body.contacts[2].role}).
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    private final ProblemHandler problems;

    public ConstraintViolationHandler(ProblemHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(path(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .distinct().limit(FieldReader.MAX_ERRORS).toList();
        return problems.handle(request, ProblemException.badRequest(errors.size() + " problem(s); nothing was done",
                errors));
    }

    /** The JSON path of a violation: method and parameter left out, container elements as indexes. */
    public static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            // A node in an iterable carries the index of its element in the container before it.
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                path.append('.').append(node.getKey());
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(jsonName(name));
            }
        }
        return path.toString();
    }

    /** A record component named for a Java keyword ({@code public_}) has its JSON name. */
    private static String jsonName(String name) {
        return name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
    }
}
