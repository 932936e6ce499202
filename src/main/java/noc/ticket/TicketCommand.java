package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A person's action on a ticket, as an input to the engine, so that rules can react to people too.
 * The engine writes why it refused the command, if it did, into {@link #refusal()}.
 *
 * @param text       the comment, or the reason (of a priority change, a closure)
 * @param publicNote whether a comment is for the customer too (P-4.2) or internal
 * @param priority   the new priority, for {@code set-priority}
 * @param waitReason why the ticket waits, for {@code wait}
 * @param level      the escalation level acknowledged, for {@code acknowledge-escalation}
 * @param customer   the inventory customer to link, for {@code link-customer}
 */
public record TicketCommand(String reference, TicketAction action, String by, String text, boolean publicNote,
                            Priority priority, WaitReason waitReason, int level, String customer,
                            AtomicReference<String> refusal) {

    public TicketCommand {
        requireNonNull(reference, "reference is null");
        requireNonNull(action, "action is null");
        requireNonNull(by, "by is null");
        requireNonNull(refusal, "refusal is null");
    }

    public String getReference() { return reference; }
    public TicketAction getAction() { return action; }
    public String getBy() { return by; }
}
