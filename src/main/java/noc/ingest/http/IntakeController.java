package noc.ingest.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import noc.alarm.AlarmEvent;
import noc.api.FieldReader;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.engine.InputRefusedException;
import noc.engine.InputUnavailableException;
import noc.engine.Inputs;
import noc.engine.Receipt;
import noc.security.Role;

/**
 * Alarms from monitoring systems over HTTP: Prometheus Alertmanager's webhook, and a generic JSON
 * format for Zabbix, Nagios/Icinga and scripts. A request is validated whole (400 naming every bad
 * field, nothing taken), queued whole, and answered only once its alarms are committed; in a
 * collector, once Kafka acknowledged them ({@link Inputs}).
 */
@Secured(Role.INTAKE_NAME)
@Controller("/api/v1")
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.Receives.class)
public class IntakeController {

    private final Inputs inputs;
    private final JsonMapper json;
    private final Clock clock;
    /** The {@code intake} labels of the intake metrics. */
    public static final List<String> INTAKES = List.of("alertmanager", "generic");
    /**
     * The {@code reason} labels of {@code noc_intake_requests_rejected_total} besides the refusal of
     * the {@link Inputs} in use ({@code queue_full}, in a collector {@code kafka_unavailable}).
     */
    public static final List<String> REJECT_REASONS = List.of("invalid");
    private final MeterRegistry meters;
    private final IntakeConfiguration configuration;

    public IntakeController(Inputs inputs, JsonMapper json, Clock clock, MeterRegistry meters,
                            IntakeConfiguration configuration) {
        this.inputs = inputs;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.configuration = configuration;
    }

    /** Alertmanager's webhook receiver: {@code url: http://host:8080/api/v1/alertmanager}. */
    @Post(uri = "/alertmanager", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> alertmanager(@Body String body, HttpRequest<?> request) {
        FieldReader fields = new FieldReader();
        List<AlarmEvent> events = AlertmanagerDecoder.decode(parse(body, "alertmanager"), clock.instant(), fields,
                configuration.maxAlarmsPerRequest());
        return submit("alertmanager", events, fields, request);
    }

    /** One generic alarm object, or an array of them. */
    @Post(uri = "/alarms", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> alarms(@Body String body, HttpRequest<?> request) {
        FieldReader fields = new FieldReader();
        Instant now = clock.instant();
        List<AlarmEvent> events = GenericAlarmDecoder.decode(parse(body, "generic"), now, fields,
                configuration.maxAlarmsPerRequest());
        return submit("generic", events, fields, request);
    }

    private JsonNode parse(String body, String intake) {
        if (body == null || body.isBlank()) {
            rejected(intake, "invalid");
            throw ProblemException.badRequest("The request has no body; it must be JSON", List.of());
        }
        try {
            JsonNode tree = json.readValue(body, JsonNode.class);
            if (tree == null || tree.isNull()) {
                rejected(intake, "invalid");
                throw ProblemException.badRequest("The body must be JSON, not null",
                        List.of(new Problem.FieldError("", "must be a JSON object, not null")));
            }
            return tree;
        } catch (IOException e) {
            rejected(intake, "invalid");
            throw ProblemException.badRequest("The body is not valid JSON",
                    List.of(new Problem.FieldError("", "is not valid JSON")));
        }
    }

    private CompletableFuture<HttpResponse<Accepted>> submit(String intake, List<AlarmEvent> events,
                                                             FieldReader fields, HttpRequest<?> request) {
        if (!fields.ok()) {
            rejected(intake, "invalid");
            throw ProblemException.badRequest(fields.errors().size() + " invalid field(s); nothing was accepted",
                    fields.errors());
        }
        CompletableFuture<HttpResponse<Accepted>> answer = new CompletableFuture<>();
        Executor connection = connectionThread(request);
        boolean queued = inputs.offerAll(events, new Receipt() {
            @Override
            public void committed() {
                answerOn(connection, () -> answer.complete(HttpResponse.ok(new Accepted(events.size()))));
            }

            @Override
            public void failed(Exception cause) {
                ProblemException problem;
                if (cause instanceof InputRefusedException) {
                    problem = refused(events);
                } else if (cause instanceof InputUnavailableException lost) {
                    rejected(intake, lost.reason());
                    problem = unavailable(lost.getMessage());
                } else {
                    problem = unavailable("The alarms could not be committed; nothing was accepted (the log says why)");
                }
                answerOn(connection, () -> answer.completeExceptionally(problem));
            }
        });
        if (!queued) {
            Inputs.Refusal refusal = inputs.refusal();
            rejected(intake, refusal.reason());
            throw unavailable(refusal.detail());
        }
        meters.counter("noc.intake.alarms.accepted", "intake", intake).increment(events.size());
        return answer;
    }

    /**
     * The thread of the request's connection (its Netty event loop), where its answer is written. The
     * receipt is called on the engine's commit thread once the cycle committed (on Kafka's producer
     * thread in a collector); answering there would run the server's response pipeline on it and hold
     * back the next cycle's commit.
     */
    private static Executor connectionThread(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
    }

    /** Runs {@code answering} on the connection's thread, or here when that thread no longer takes tasks (shutdown). */
    private static void answerOn(Executor connection, Runnable answering) {
        try {
            connection.execute(answering);
        } catch (RejectedExecutionException e) {
            answering.run();
        }
    }

    /**
     * The database refused the data of this request (its alarms are committed together or not at
     * all); the other inputs of its cycle were committed. No SQL text: the log has it.
     */
    private static ProblemException refused(List<AlarmEvent> events) {
        String named = events.stream().limit(3).map(AlarmEvent::reductionKey).collect(
                java.util.stream.Collectors.joining(", "));
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "refused-by-database",
                "The database refused the data of this request (" + events.size() + " alarm(s): " + named
                        + (events.size() > 3 ? ", ..." : "") + "); nothing of it was accepted", List.of());
    }

    private ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, List.of())
                .retryAfter(configuration.retryAfterSeconds());
    }

    private void rejected(String intake, String reason) {
        meters.counter("noc.intake.requests.rejected", "intake", intake, "reason", reason).increment();
    }

    /** How many alarms of the request were committed. */
    @Serdeable
    public record Accepted(int accepted) {
    }
}
