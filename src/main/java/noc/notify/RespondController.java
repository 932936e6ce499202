package noc.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import noc.api.EngineCommands;
import noc.database.Times;
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
 */
@Secured(io.micronaut.security.rules.SecurityRule.IS_ANONYMOUS)
@Controller("/respond")
public class RespondController {

    private final ResponseLinks links;
    private final TicketRepository tickets;
    private final JournalRepository journal;
    private final java.time.format.DateTimeFormatter times;
    private final EngineCommands commands;
    private final Clock clock;

    public RespondController(ResponseLinks links, TicketRepository tickets, JournalRepository journal,
                             EngineCommands commands, Clock clock, NotifyConfiguration configuration) {
        this.times = configuration.times();
        this.links = links;
        this.journal = journal;
        this.tickets = tickets;
        this.commands = commands;
        this.clock = clock;
    }

    @Get(uri = "/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> page(@PathVariable String token) {
        Checked checked = check(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        ResponseLinks.Grant grant = checked.grant();
        TicketRow ticket = checked.ticket();
        String intro = "<h1>" + escape(ticket.reference()) + "</h1><p>" + escape(ticket.title()) + "</p><p>Priority "
                + escape(ticket.priority()) + ", status " + escape(ticket.status()) + ", opened "
                + escape(times.format(Times.fromColumn(ticket.openedAt()))) + ".</p>";
        String form;
        if (ResponseLinks.Grant.FOLLOW.equals(grant.kind())) {
            form = "";
        } else if (ResponseLinks.Grant.CLOSURE.equals(grant.kind())) {
            form = "<p>We consider this incident resolved. Is it?</p>"
                    + "<form method=\"post\"><p><label>Comment (optional)<br>"
                    + "<textarea name=\"comment\" rows=\"4\" cols=\"60\"></textarea></label></p>"
                    + "<button name=\"answer\" value=\"confirm\">Confirm: the incident is resolved</button> "
                    + "<button name=\"answer\" value=\"dispute\">Dispute: the problem is still there</button>"
                    + "</form>";
        } else {
            form = "<p>This incident is escalated to you, level " + grant.level() + ".</p>"
                    + "<form method=\"post\"><button name=\"answer\" value=\"acknowledge\">Acknowledge level "
                    + grant.level() + "</button></form>";
        }
        return html(HttpStatus.OK, ticket.reference(), intro + form + history(ticket.reference())
                + "<p><small>As " + escape(grant.email()) + "</small></p>");
    }

    @Post(uri = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<String>> answer(@PathVariable String token,
                                                          @Body @Nullable Map<String, String> form) {
        Checked checked = check(token);
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
                case ResponseLinks.Grant.CLOSURE -> "answer=confirm or answer=dispute";
                case ResponseLinks.Grant.ACKNOWLEDGE -> "answer=acknowledge";
                default -> "no answer: it follows the ticket";
            };
            return CompletableFuture.completedFuture(html(HttpStatus.BAD_REQUEST, "Not understood",
                    "<p>This link allows " + allowed + ", not '" + escape(answer) + "'.</p>"));
        }
        TicketCommand command = TicketCommand.of(action, grant.reference(), grant.email(), comment, false, null,
                null, grant.level(), null);
        return commands.submit(command, reply -> {
            if (reply instanceof TicketCommand.Refused refused) {
                return html(HttpStatus.CONFLICT, grant.reference(), "<p>Nothing was done: "
                        + escape(refused.reason()) + "</p>");
            }
            String done = switch (action) {
                case CONFIRM -> "Thank you: the resolution is confirmed and the incident is closed.";
                case DISPUTE -> "Thank you: the incident is reopened and the support centre is told.";
                default -> "Level " + grant.level() + " acknowledged: it is not passed on to the next level.";
            };
            return html(HttpStatus.OK, grant.reference(), "<p>" + escape(done) + "</p>");
        });
    }

    /** The ticket's public journal (P-4.2): what the customer is told, oldest first. */
    private String history(String reference) {
        StringBuilder history = new StringBuilder("<h2>History</h2><ul>");
        for (JournalRow entry : journal.findByTicketReferenceAndVisibilityOrderById(reference, "PUBLIC")) {
            history.append("<li><time>").append(escape(times.format(Times.fromColumn(entry.at())))).append("</time> ")
                    .append(escape(entry.text())).append("</li>");
        }
        return history.append("</ul>").toString();
    }

    /**
     * Why the link has nothing to answer any more, in French and in English, or null while it has: it
     * answers only the resolution, or the escalation to its level, it was sent for, and only once.
     */
    private Gone gone(ResponseLinks.Grant grant, TicketRow ticket) {
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
                return new Gone("Ce lien ne vaut plus : il concernait " + (earlier == null
                        ? "une résolution antérieure" : "la résolution du " + times.format(earlier))
                        + " de l'incident " + reference + ", qui a été résolu à nouveau le " + times.format(resolvedAt)
                        + ". Merci d'utiliser le lien du dernier courriel que nous vous avons adressé.",
                        "This link no longer applies: it was for " + (earlier == null ? "an earlier resolution"
                        : "the resolution of " + times.format(earlier)) + " of incident " + reference
                        + ", which was resolved again on " + times.format(resolvedAt)
                        + ". Please use the link in the latest email we sent you.");
            }
            return new Gone("Ce lien a déjà servi ou n'a plus d'objet : l'incident " + reference + " est "
                    + FRENCH_STATUS.getOrDefault(ticket.status(), ticket.status()) + " à présent, il n'y a plus"
                    + " de résolution à confirmer ou à contester.",
                    "This link has been used or no longer applies: this incident is " + ticket.status()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + " now: there is no resolution to confirm or"
                    + " dispute.");
        }
        if (ticket.escalationLevel() == grant.level() && ticket.escalationAcknowledgedBy() != null
                && grant.isFor(resolvedAt, ticket.escalationLevel(), escalatedAt)) {
            return new Gone("Le niveau " + grant.level() + " a déjà été pris en compte par "
                    + ticket.escalationAcknowledgedBy() + ".",
                    "Level " + grant.level() + " has already been acknowledged by "
                    + ticket.escalationAcknowledgedBy() + ".");
        }
        return new Gone("Ce lien ne vaut plus : il concernait une escalade au niveau " + grant.level()
                + " qui n'attend plus de prise en compte ; l'incident " + reference + " est au niveau "
                + ticket.escalationLevel() + ".",
                "This link no longer applies: it was for an escalation to level " + grant.level()
                + " that awaits no acknowledgement now; incident " + reference + " is at level "
                + ticket.escalationLevel() + ".");
    }

    /** Statuses as a French support centre writes them, after "l'incident est". */
    private static final Map<String, String> FRENCH_STATUS = Map.of("OPEN", "ouvert", "ACKNOWLEDGED", "pris en charge",
            "IN_PROGRESS", "en cours de traitement", "WAITING_ON_CUSTOMER", "en attente de votre retour",
            "RESOLVED", "résolu", "CLOSED", "clos");

    /** Why a link answers 410 Gone, said in French and in English. */
    private record Gone(String french, String english) {

        HttpResponse<String> page(TicketRow ticket, String history) {
            return html(HttpStatus.GONE, ticket.reference(), "<h1>" + escape(ticket.reference()) + "</h1>"
                    + "<p lang=\"fr\">" + escape(french) + "</p><p>" + escape(english) + "</p>" + history);
        }
    }

    private record Checked(ResponseLinks.Grant grant, TicketRow ticket, HttpResponse<String> refusal) {
    }

    private Checked check(String token) {
        Optional<ResponseLinks.Grant> verified = links.verify(token);
        if (verified.isEmpty()) {
            return new Checked(null, null, html(HttpStatus.FORBIDDEN, "Link not valid",
                    "<p>This link is not valid: it may be incomplete. Use the link of the email as it is.</p>"));
        }
        ResponseLinks.Grant grant = verified.get();
        if (!clock.instant().isBefore(grant.expires())) {
            return new Checked(null, null, html(HttpStatus.GONE, "Link expired", "<p>This link expired at "
                    + times.format(grant.expires()) + ". Please contact the support centre, quoting " + escape(grant.reference())
                    + ".</p>"));
        }
        Optional<TicketRow> ticket = tickets.findById(grant.reference());
        if (ticket.isEmpty()) {
            return new Checked(null, null, html(HttpStatus.NOT_FOUND, "No such ticket", "<p>No ticket "
                    + escape(grant.reference()) + ".</p>"));
        }
        Gone gone = ResponseLinks.Grant.FOLLOW.equals(grant.kind()) ? null : gone(grant, ticket.get());
        if (gone != null) {
            return new Checked(null, null, gone.page(ticket.get(), history(ticket.get().reference())));
        }
        return new Checked(grant, ticket.get(), null);
    }

    private static HttpResponse<String> html(HttpStatus status, String title, String content) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                        + "</title><meta name=\"viewport\" content=\"width=device-width\"></head><body>" + content
                        + "</body></html>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

}
