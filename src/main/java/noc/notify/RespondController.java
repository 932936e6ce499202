package noc.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import noc.api.EngineCommands;
import noc.console.ConsoleLocaleResolver;
import noc.console.Refusals;
import noc.database.Times;
import noc.inventory.InventoryStore;
import noc.ticket.JournalRepository;
import noc.ticket.JournalRow;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand;
import noc.ticket.TicketRepository;
import noc.ticket.TicketRow;

/**
 * The page an email's signed link opens, for people without an account: a customer follows the
 * ticket (its status and public journal, P-4.2), confirms or disputes a resolution (P-4.3); a
 * manager acknowledges an escalation (P-5.4). Opening the link
 * changes nothing (mail scanners open links); only the page's button, a POST, acts, as the
 * recipient the link was made for. A link that answers does so only for the resolution or escalation
 * it was sent for, once: afterwards, or after a later resolution, it answers 410 Gone and says why.
 *
 * <p>The page ({@code views/respond.html}) is in the recipient's language: that of the inventory's
 * contact with the link's address, else the first of French and English the browser asks for, else
 * {@code noc.locale}'s.
 */
@Secured(io.micronaut.security.rules.SecurityRule.IS_ANONYMOUS)
@Controller("/respond")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RespondController {

    private final ResponseLinks links;
    private final TicketRepository tickets;
    private final JournalRepository journal;
    private final java.time.format.DateTimeFormatter times;
    private final EngineCommands commands;
    private final Clock clock;
    private final InventoryStore inventory;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;
    private final Refusals refusals;

    public RespondController(ResponseLinks links, TicketRepository tickets, JournalRepository journal,
                             EngineCommands commands, Clock clock, NotifyConfiguration configuration,
                             InventoryStore inventory, MessageSource messages, HttpLocaleResolver locales,
                             Refusals refusals) {
        this.refusals = refusals;
        this.times = configuration.times();
        this.links = links;
        this.journal = journal;
        this.tickets = tickets;
        this.commands = commands;
        this.clock = clock;
        this.inventory = inventory;
        this.messages = messages;
        this.locales = locales;
    }

    /** The ticket as the page shows it; {@code status} as the keys {@code portal.status.*} name it. */
    public record Shown(String reference, String title, String priority, String status, @Nullable Instant openedAt) {
    }

    /**
     * A public journal entry, said as the customer's portal says it ({@code PortalTickets.Entry}): by
     * its {@code wording} with the person's {@code note}, else its {@code text} as written.
     */
    public record Entry(@Nullable Instant at, String author, String text, @Nullable String wording,
                        @Nullable String note) {
    }

    @Get(uri = "/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<Object> page(HttpRequest<?> request, @PathVariable String token) {
        Page page = new Page(request);
        Checked checked = check(token, page);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        ResponseLinks.Grant grant = checked.grant();
        Map<String, Object> model = page.ticket(checked.ticket(), history(grant.reference()));
        model.put("form", ResponseLinks.Grant.FOLLOW.equals(grant.kind()) ? null : grant.kind());
        model.put("level", grant.level());
        model.put("email", grant.email());
        return page.render(HttpStatus.OK, model);
    }

    @Post(uri = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> answer(HttpRequest<?> request, @PathVariable String token,
                                                     @Body @Nullable Map<String, String> form) {
        Page page = new Page(request);
        Checked checked = check(token, page);
        if (checked.refusal() != null) {
            return CompletableFuture.completedFuture(checked.refusal());
        }
        ResponseLinks.Grant grant = checked.grant();
        String answer = form == null ? "" : form.getOrDefault("answer", "");
        String comment = form == null ? null : Optional.ofNullable(form.get("comment")).map(String::strip)
                .filter(c -> !c.isEmpty()).orElse(null);
        TicketAction action = switch (grant.kind() + ":" + answer) {
            case "closure:confirm" -> TicketAction.CONFIRM;
            case "closure:dispute" -> TicketAction.DISPUTE;
            case "acknowledge:acknowledge" -> TicketAction.ACKNOWLEDGE_ESCALATION;
            default -> null;
        };
        if (action == null) {
            String allowed = switch (grant.kind()) {
                case ResponseLinks.Grant.CLOSURE -> "closure";
                case ResponseLinks.Grant.ACKNOWLEDGE -> "acknowledge";
                default -> "follow";
            };
            return CompletableFuture.completedFuture(page.problem(HttpStatus.BAD_REQUEST,
                    page.text("respond.notUnderstood.title"), page.text("respond.notUnderstood." + allowed, answer)));
        }
        TicketCommand command = TicketCommand.of(action, grant.reference(), grant.email(), comment, false, null,
                null, grant.level(), null);
        return commands.submit(command, reply -> {
            Map<String, Object> model = page.ticket(null, null);
            model.put("title", page.text("respond.ticket", grant.reference()));
            if (reply instanceof TicketCommand.Refused refused) {
                model.put("problem", page.text("respond.refused", refusals.text(refused, page.locale)));
                return page.render(HttpStatus.CONFLICT, model);
            }
            model.put("notice", page.text("respond.done." + action.name(), grant.level()));
            return page.render(HttpStatus.OK, model);
        });
    }

    /** The ticket's public journal (P-4.2): what the customer is told, oldest first. */
    private List<Entry> history(String reference) {
        List<Entry> history = new ArrayList<>();
        for (JournalRow entry : journal.findByTicketReferenceAndVisibilityOrderById(reference, "PUBLIC")) {
            history.add(new Entry(Times.fromColumn(entry.at()),
                    "PERSON".equals(entry.authorKind()) ? entry.author() : "", entry.text(), entry.wording(),
                    entry.wording() == null ? null : java.util.Objects.toString(entry.note(), "")));
        }
        return history;
    }

    /**
     * Why the link has nothing to answer any more, in the page's language, or null while it has: it
     * answers only the resolution, or the escalation to its level, it was sent for, and only once.
     */
    private String gone(ResponseLinks.Grant grant, TicketRow ticket, Page page) {
        Instant resolvedAt = Times.fromColumn(ticket.resolvedAt());
        Instant escalatedAt = Times.fromColumn(ticket.escalatedAt());
        boolean open = ResponseLinks.Grant.CLOSURE.equals(grant.kind()) ? "RESOLVED".equals(ticket.status())
                : ticket.escalationAcknowledgementDue() != null;
        if (open && grant.isFor(resolvedAt, ticket.escalationLevel(), escalatedAt)) {
            return null;
        }
        String reference = ticket.reference();
        if (ResponseLinks.Grant.CLOSURE.equals(grant.kind())) {
            if (open && resolvedAt != null) {
                Instant earlier = grant.occasion();
                String which = earlier == null ? page.text("respond.gone.earlierResolution")
                        : page.text("respond.gone.resolutionOf", times.format(earlier));
                return page.text("respond.gone.resolvedAgain", which, reference, times.format(resolvedAt));
            }
            return page.text("respond.gone.noResolution", reference, page.text("email.status." + ticket.status()));
        }
        if (ticket.escalationLevel() == grant.level() && ticket.escalationAcknowledgedBy() != null
                && grant.isFor(resolvedAt, ticket.escalationLevel(), escalatedAt)) {
            return page.text("respond.gone.acknowledged", grant.level(), ticket.escalationAcknowledgedBy());
        }
        return page.text("respond.gone.escalation", grant.level(), reference, ticket.escalationLevel());
    }

    private record Checked(ResponseLinks.Grant grant, TicketRow ticket, HttpResponse<Object> refusal) {
    }

    private Checked check(String token, Page page) {
        Optional<ResponseLinks.Grant> verified = links.verify(token);
        if (verified.isEmpty()) {
            return refused(page.problem(HttpStatus.FORBIDDEN, page.text("respond.invalid.title"),
                    page.text("respond.invalid.text")));
        }
        ResponseLinks.Grant grant = verified.get();
        page.recipient(grant.email());
        if (!clock.instant().isBefore(grant.expires())) {
            return refused(page.problem(HttpStatus.GONE, page.text("respond.expired.title"),
                    page.text("respond.expired.text", times.format(grant.expires()), grant.reference())));
        }
        Optional<TicketRow> ticket = tickets.findById(grant.reference());
        if (ticket.isEmpty()) {
            return refused(page.problem(HttpStatus.NOT_FOUND, page.text("respond.missing.title"),
                    page.text("respond.missing.text", grant.reference())));
        }
        String gone = ResponseLinks.Grant.FOLLOW.equals(grant.kind()) ? null : gone(grant, ticket.get(), page);
        if (gone != null) {
            Map<String, Object> model = page.ticket(ticket.get(), history(ticket.get().reference()));
            model.put("problem", gone);
            return refused(page.render(HttpStatus.GONE, model));
        }
        return new Checked(grant, ticket.get(), null);
    }

    private static Checked refused(HttpResponse<Object> refusal) {
        return new Checked(null, null, refusal);
    }

    /** One request's page: its language, chosen once the link names its recipient, and its texts. */
    private final class Page {

        private final HttpRequest<?> request;
        private Locale locale;

        Page(HttpRequest<?> request) {
            this.request = request;
            this.locale = locales.resolveOrDefault(request);
        }

        /** The recipient's language, when the inventory gives one, wins over the browser's. */
        void recipient(String email) {
            inventory.languageOf(email).ifPresent(language -> {
                locale = language.locale();
                request.setAttribute(ConsoleLocaleResolver.CHOSEN, locale);
            });
        }

        String text(String key, Object... values) {
            return messages.getMessage(key, locale, values).orElse(key);
        }

        Map<String, Object> ticket(@Nullable TicketRow ticket, @Nullable List<Entry> history) {
            Map<String, Object> model = new HashMap<>();
            if (ticket != null) {
                model.put("ticket", new Shown(ticket.reference(), ticket.title(), ticket.priority(),
                        ticket.status().toLowerCase(Locale.ROOT), Times.fromColumn(ticket.openedAt())));
                model.put("title", ticket.reference());
            }
            model.put("history", history);
            return model;
        }

        HttpResponse<Object> problem(HttpStatus status, String title, String problem) {
            Map<String, Object> model = ticket(null, null);
            model.put("title", title);
            model.put("problem", problem);
            return render(status, model);
        }

        HttpResponse<Object> render(HttpStatus status, Map<String, Object> model) {
            for (String key : List.of("ticket", "form", "notice", "problem", "email", "history")) {
                model.putIfAbsent(key, null);
            }
            model.putIfAbsent("level", 0);
            return HttpResponse.<Object>status(status).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("respond", model));
        }
    }
}
