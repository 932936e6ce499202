package noc.api;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import noc.cluster.CommandOutcome;
import noc.cluster.CommandPublisher;
import noc.cluster.CommandReplies;
import noc.engine.EngineQueue;
import noc.engine.InputRefusedException;
import noc.engine.Receipt;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Sends a command from a REST call to the engine and answers once its cycle is committed: the answer
 * is built on the blocking pool (it usually reads MariaDB); a full queue is a 503 with Retry-After.
 *
 * <p>In role {@code engine} the command goes to the engine that owns its ticket's partition, on
 * whichever node that is ({@link CommandPublisher}), and the answer is built the same way from the
 * reply that engine committed. When the commit is not confirmed within
 * {@code noc.cluster.command-timeout}, the answer is 202 with the command's id and the URL where its
 * outcome can be read ({@code GET /api/v1/commands/{id}}).
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class EngineCommands {

    private final EngineQueue queue;
    private final ExecutorService blocking;
    private final noc.ingest.http.IntakeConfiguration intake;
    private final CommandPublisher cluster;
    private final CommandReplies replies;

    public EngineCommands(EngineQueue queue, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                          noc.ingest.http.IntakeConfiguration intake, @Nullable CommandPublisher cluster,
                          CommandReplies replies) {
        this.intake = intake;
        this.queue = queue;
        this.blocking = blocking;
        this.cluster = cluster;
        this.replies = replies;
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
        if (cluster != null) {
            return submitToOwner(command, answer);
        }
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
                        ? refusedByDatabase(command)
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

    private static ProblemException refusedByDatabase(Object command) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "refused-by-database",
                "The database refused the data of this " + describe(command) + "; nothing of it was done", List.of());
    }

    /** Role engine: the owner of the command's partition applies it; the answer comes from the outcome it wrote. */
    private <T> CompletableFuture<HttpResponse<T>> submitToOwner(Object command,
                                                                 Function<Object, HttpResponse<T>> answer) {
        CompletableFuture<HttpResponse<T>> future = new CompletableFuture<>();
        cluster.submit(command).whenComplete((outcome, failure) -> blocking.execute(() -> {
            try {
                if (failure != null) {
                    throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
                }
                future.complete(answer(command, outcome, answer));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }));
        return future;
    }

    @SuppressWarnings("unchecked")
    private <T> HttpResponse<T> answer(Object command, CommandOutcome outcome, Function<Object, HttpResponse<T>> answer) {
        return switch (outcome.status()) {
            case COMMITTED -> {
                Object reply;
                try {
                    reply = replies.read(outcome.reply());
                } catch (IllegalStateException e) {
                    throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "unknown-reply", "The command was "
                            + "committed, but the engine that applied it replied in a way this node does not know "
                            + "(another version?): GET " + Pending.url(outcome.id()) + " shows it", List.of());
                }
                yield answer.apply(reply);
            }
            // JSON even where the route makes pages (the console's forms): there is no page to show yet.
            case PENDING -> (HttpResponse<T>) HttpResponse.accepted(URI.create(Pending.url(outcome.id())))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(new Pending(outcome.id(), outcome.status().name(), Pending.url(outcome.id()),
                            "Sent to the engine that owns it, not confirmed yet: its outcome will be at this URL"));
            case REFUSED -> throw refusedByDatabase(command);
            case UNREADABLE -> throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The engine "
                    + "that owns it could not read this " + describe(command) + " (another version?); nothing was done",
                    List.of());
            case UNSENT -> throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Kafka did not "
                    + "take this " + describe(command) + "; nothing was done", List.of())
                    .retryAfter(intake.retryAfterSeconds());
        };
    }

    /** The answer to a command sent but not confirmed in time: where to read its outcome. */
    @Serdeable
    public record Pending(String id, String status, String poll, String detail) {
        static String url(String id) {
            return "/api/v1/commands/" + id;
        }
    }
}
