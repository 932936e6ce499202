package noc.domain;

import java.util.List;

import noc.alarm.Alarm;
import noc.ticket.Ticket;

/**
 * Published once a cycle's transaction has committed, on the thread that committed it, with the
 * alarms and tickets it wrote as they now are in MariaDB. Listeners (the console's live board) must
 * return at once: no I/O, no lock another thread holds long, or they slow the engine.
 */
public record CycleCommitted(List<Alarm> alarms, List<Ticket> tickets) {

    public CycleCommitted {
        alarms = List.copyOf(alarms);
        tickets = List.copyOf(tickets);
    }
}
