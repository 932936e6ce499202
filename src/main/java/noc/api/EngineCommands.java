package noc.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import noc.engine.EngineQueue;
import noc.engine.InputRefusedException;
import noc.engine.Receipt;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Sends a command from a REST call to the engine and answers once its cycle is committed: the answer
 * is built on the blocking pool (it usually reads MariaDB); a full queue is a 503 with Retry-After.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class EngineCommands {

    private final EngineQueue queue;
    private final ExecutorService blocking;
    private final noc.ingest.http.IntakeConfiguration intake;

    public EngineCommands(EngineQueue queue, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                          noc.ingest.http.IntakeConfiguration intake) {
        this.intake = intake;
        this.queue = queue;
        this.blocking = blocking;
    }

    /** The command's kind in words, as the sender knows it ("AcknowledgeCommand" becomes "acknowledge command"). */
    private static String describe(Object command) {
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(
                java.util.Locale.ROOT);
    }

    /**
     * @param answer builds the answer after the commit from what the rules replied (null when they
     *               said nothing); it may throw a {@link ProblemException}
     */
    public <T> CompletableFuture<HttpResponse<T>> submit(Object command,
                                                         Function<Object, HttpResponse<T>> answer) {
        CompletableFuture<HttpResponse<T>> future = new CompletableFuture<>();
        boolean queued = queue.offer(command, new Receipt() {
            @Override
            public void committed() {
                committed(null);
            }

            @Override
            public void committed(Object reply) {
                blocking.execute(() -> {
                    try {
                        future.complete(answer.apply(reply));
                    } catch (RuntimeException e) {
                        future.completeExceptionally(e);
                    }
                });
            }

            @Override
            public void failed(Exception cause) {
                future.completeExceptionally(cause instanceof InputRefusedException
                        ? new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "refused-by-database",
                                "The database refused the data of this " + describe(command)
                                        + "; nothing of it was done", List.of())
                        : new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                                "Not committed; nothing was done (the log says why)", List.of()));
            }
        });
        if (!queued) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The correlator is saturated (engine queue full); nothing was done", List.of())
                    .retryAfter(intake.retryAfterSeconds());
        }
        return future;
    }
}
