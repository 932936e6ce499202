package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A customer's declaration of an incident (PROCEDURE.md P-2.2), as an input to the engine: the rules
 * open its ticket, and answer its sender with an {@link Opened} reply.
 *
 * @param impact     what the customer says the fault does: LOSS, DISRUPTION, DEGRADATION or REQUEST (the
 *                   rows of the P-3 table)
 * @param declaredBy who sent it: the logged-in user (a customer's, or an operator taking a call)
 */
@io.micronaut.serde.annotation.Serdeable
// Empty lists travel as [] whatever the mapper's inclusion, so that they come back as lists.
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
public record Declaration(String customerName, String siteAddress, List<String> serviceReferences, String contactName,
                          String contactPhone, String contactEmail, String faultyElements, String description,
                          Impact impact, String declaredBy) {

    /** The reply to a declaration: the reference of the ticket it opened. */
    @io.micronaut.serde.annotation.Serdeable
    public record Opened(String reference) {
    }

    /** The P-3 impacts a customer can declare, each with the priority it calls for. */
    public enum Impact {
        LOSS(Priority.P1), DISRUPTION(Priority.P2), DEGRADATION(Priority.P3), REQUEST(Priority.P4);

        private final Priority priority;

        Impact(Priority priority) {
            this.priority = priority;
        }

        public Priority priority() {
            return priority;
        }
    }

    public Declaration {
        requireNonNull(customerName, "customerName is null");
        requireNonNull(siteAddress, "siteAddress is null");
        serviceReferences = List.copyOf(serviceReferences);
        requireNonNull(contactName, "contactName is null");
        requireNonNull(contactPhone, "contactPhone is null");
        requireNonNull(contactEmail, "contactEmail is null");
        requireNonNull(faultyElements, "faultyElements is null");
        requireNonNull(description, "description is null");
        requireNonNull(impact, "impact is null");
        requireNonNull(declaredBy, "declaredBy is null");
    }

    /** What the DECLARED journal entry says: the whole declaration, which must fit its column. */
    public String journalText() {
        return "Declared by " + contactName + " (" + contactPhone + ", " + contactEmail + ") for " + customerName
                + " at " + siteAddress + "; services " + serviceReferences + "; faulty elements: " + faultyElements
                + "; " + description;
    }

    public String getCustomerName() { return customerName; }
    public List<String> getServiceReferences() { return serviceReferences; }
    public Impact getImpact() { return impact; }
}
