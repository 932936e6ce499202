package noc.maintenance;

import noc.ticket.Ticket;

/** What the rules do with planned maintenance (the {@code maintenance} global, PROCEDURE.md P-7). */
public interface MaintenanceActions {

    /**
     * Plans a maintenance window: opens its P5 ticket, whose reference the window takes, and records
     * which customers its scope affects, to be told in advance (P-7.2). Its sender is answered the reference.
     */
    MaintenanceWindow planMaintenance(MaintenanceRequest request, String reason);

    /** The operator says the operation of {@code window} is done. */
    void completeMaintenance(MaintenanceWindow window, MaintenanceCompletion completion);

    /**
     * The window ended while its operation was open or its alarms active (P-7.4): a P1 incident
     * linked to the maintenance ticket takes over the alarms still active.
     */
    Ticket maintenanceOverran(MaintenanceWindow window, String reason);

    /** The window ended with its operation done and no alarm active. */
    void maintenanceEnded(MaintenanceWindow window);
}
