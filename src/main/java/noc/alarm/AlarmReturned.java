package noc.alarm;

/**
 * An alarm attached to a ticket came back after it cleared, in the firing under way: a signal for
 * the rules (a resolved ticket reopens, P-4.3), gone once the firing is over. An alarm that joins a
 * ticket, or repeats while raised, is no return.
 *
 * @param label the alarm's label, for the journal ({@code IF-MIB::linkDown on 192.0.2.1 ifIndex.3})
 */
public record AlarmReturned(String reductionKey, String ticketReference, String label) {

    // JavaBean accessors for the rule language.
    public String getReductionKey() { return reductionKey; }
    public String getTicketReference() { return ticketReference; }
    public String getLabel() { return label; }
}
