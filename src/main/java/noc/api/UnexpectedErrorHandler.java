package noc.api;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The last resort: an exception no other handler knows is a 500 whose body says nothing of it (no
 * class, no SQL, no stack); the log has it whole.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ProblemHandler problems;

    public UnexpectedErrorHandler(ProblemHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problems.handle(request, problem);
            }
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return problems.handle(request, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The request failed on the server; the log says why", List.of()));
    }
}
