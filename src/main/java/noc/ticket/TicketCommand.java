package noc.ticket;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;

/**
 * A person's action on a ticket, as an input to the engine, so that rules can react to people too:
 * one record per action, with the fields that action needs. The rules answer a refused command with
 * a {@link Refused} reply, which its sender gets once the cycle commits.
 */
public sealed interface TicketCommand {

    String reference();

    /** Who acts: the user, or the email address a response link was sent to. */
    String by();

    /** The row of the state table ({@link TicketAction}) this command is checked against. */
    TicketAction action();

    // JavaBean accessors for the rule language.
    default String getReference() { return reference(); }
    default String getBy() { return by(); }
    default TicketAction getAction() { return action(); }

    /**
     * Why the rules refused a command: what its sender is answered (409). {@code reason} is the
     * English sentence of the API's problem body; {@code kind} and {@code arguments} let a page say
     * it in its own language ({@code refusal.<kind>} in the console's messages), {@code OTHER} when
     * only the sentence is known (a refusal of a rule of the operator's).
     */
    @io.micronaut.serde.annotation.Serdeable
    // Empty lists travel as [] whatever the mapper's inclusion, so that they come back as lists.
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
    record Refused(String reason, Kind kind, java.util.List<String> arguments) {

        @io.micronaut.core.annotation.Creator
        public Refused {
            requireNonNull(reason, "reason is null");
            requireNonNull(kind, "kind is null");
            arguments = java.util.List.copyOf(arguments);
        }

        public Refused(String reason) {
            this(reason, Kind.OTHER, java.util.List.of());
        }

        /** What was refused, with its arguments in order. */
        public enum Kind {
            /** The ticket's status does not allow the action: status, action, the statuses that would. */
            STATE,
            /** The ticket is closed or unknown: its reference. */
            CLOSED,
            /** Only P1 and P2 escalate: the ticket's priority. */
            NOT_ESCALATED,
            /** No escalation awaits acknowledgement at that level: the level, the ticket's level. */
            NO_ESCALATION,
            /** The customer to link is not in the inventory: its name. */
            UNKNOWN_CUSTOMER,
            /** The ticket already concerns the customer: its name. */
            ALREADY_CUSTOMER,
            /** Only the reason is known. */
            OTHER
        }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Acknowledge(String reference, String by) implements TicketCommand {
        public Acknowledge {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.ACKNOWLEDGE; }
    }

    /** @param publicNote whether the customer sees it too (P-4.2), or it is internal */
    @io.micronaut.serde.annotation.Serdeable
    record Comment(String reference, String by, String text, boolean publicNote) implements TicketCommand {
        public Comment {
            check(reference, by);
            requireNonNull(text, "text is null");
        }

        public TicketAction action() { return TicketAction.COMMENT; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record SetPriority(String reference, String by, Priority priority, String reason) implements TicketCommand {
        public SetPriority {
            check(reference, by);
            requireNonNull(priority, "priority is null");
            requireNonNull(reason, "reason is null");
        }

        public TicketAction action() { return TicketAction.SET_PRIORITY; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Wait(String reference, String by, WaitReason reason, @Nullable String text) implements TicketCommand {
        public Wait {
            check(reference, by);
            requireNonNull(reason, "reason is null");
        }

        public TicketAction action() { return TicketAction.WAIT; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record AskCustomer(String reference, String by, String question) implements TicketCommand {
        public AskCustomer {
            check(reference, by);
            requireNonNull(question, "question is null");
        }

        public TicketAction action() { return TicketAction.ASK_CUSTOMER; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record CustomerReply(String reference, String by, @Nullable String text) implements TicketCommand {
        public CustomerReply {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.CUSTOMER_REPLY; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Resume(String reference, String by, @Nullable String text) implements TicketCommand {
        public Resume {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.RESUME; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Resolve(String reference, String by, @Nullable String text) implements TicketCommand {
        public Resolve {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.RESOLVE; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Confirm(String reference, String by) implements TicketCommand {
        public Confirm {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.CONFIRM; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Dispute(String reference, String by, @Nullable String text) implements TicketCommand {
        public Dispute {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.DISPUTE; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record CloseUnresponsive(String reference, String by, @Nullable String text) implements TicketCommand {
        public CloseUnresponsive {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.CLOSE_UNRESPONSIVE; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record Escalate(String reference, String by, @Nullable String text) implements TicketCommand {
        public Escalate {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.ESCALATE; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record AcknowledgeEscalation(String reference, String by, int level) implements TicketCommand {
        public AcknowledgeEscalation {
            check(reference, by);
        }

        public TicketAction action() { return TicketAction.ACKNOWLEDGE_ESCALATION; }
    }

    @io.micronaut.serde.annotation.Serdeable
    record LinkCustomer(String reference, String by, String customer, @Nullable String text) implements TicketCommand {
        public LinkCustomer {
            check(reference, by);
            requireNonNull(customer, "customer is null");
        }

        public TicketAction action() { return TicketAction.LINK_CUSTOMER; }
    }

    /**
     * The command of {@code action} from the fields a REST body or a scenario gives, each action taking
     * those it needs; the caller has checked that they are there.
     */
    static TicketCommand of(TicketAction action, String reference, String by, @Nullable String text,
                            boolean publicNote, @Nullable Priority priority, @Nullable WaitReason waitReason, int level,
                            @Nullable String customer) {
        return switch (action) {
            case ACKNOWLEDGE -> new Acknowledge(reference, by);
            case COMMENT -> new Comment(reference, by, text, publicNote);
            case SET_PRIORITY -> new SetPriority(reference, by, priority, text);
            case WAIT -> new Wait(reference, by, waitReason, text);
            case ASK_CUSTOMER -> new AskCustomer(reference, by, text);
            case CUSTOMER_REPLY -> new CustomerReply(reference, by, text);
            case RESUME -> new Resume(reference, by, text);
            case RESOLVE -> new Resolve(reference, by, text);
            case CONFIRM -> new Confirm(reference, by);
            case DISPUTE -> new Dispute(reference, by, text);
            case CLOSE_UNRESPONSIVE -> new CloseUnresponsive(reference, by, text);
            case ESCALATE -> new Escalate(reference, by, text);
            case ACKNOWLEDGE_ESCALATION -> new AcknowledgeEscalation(reference, by, level);
            case LINK_CUSTOMER -> new LinkCustomer(reference, by, customer, text);
        };
    }

    private static void check(String reference, String by) {
        requireNonNull(reference, "reference is null");
        requireNonNull(by, "by is null");
    }
}
