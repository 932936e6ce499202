package noc.maintenance;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import noc.alarm.Alarm;
import noc.alarm.AlarmLifecycle;
import noc.alarm.Text;
import noc.engine.FactTable;
import noc.engine.SessionContext;
import noc.inventory.Device;
import noc.inventory.Service;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Priority;
import noc.ticket.SlaClock;
import noc.ticket.Ticket;
import noc.ticket.TicketActions;
import noc.ticket.TicketBook;

/** Maintenance windows in a session and what the rules do with them ({@link MaintenanceActions}). */
public final class MaintenanceLifecycle implements MaintenanceActions {

    /**
     * The text of the journal line ({@link JournalAction#OPERATION_COMPLETED}) that says a window's
     * operation is done, before the name of who said it. The console finds that line by its action,
     * which no person's comment has.
     */
    public static final String COMPLETED = "Operation completed, said ";

    private final SessionContext context;
    private final FactTable<MaintenanceWindow> windows;
    private final TicketBook book;
    private final TicketActions tickets;
    private final AlarmLifecycle alarms;

    public MaintenanceLifecycle(SessionContext context, TicketBook book, TicketActions tickets, AlarmLifecycle alarms,
                                List<MaintenanceWindow> loaded) {
        this.context = context;
        this.book = book;
        this.tickets = tickets;
        this.alarms = alarms;
        this.windows = context.table(MaintenanceWindow.class, MaintenanceWindow::reference);
        loaded.forEach(windows::load);
    }

    /**
     * Whether ticket {@code reference} keeps its alarms that come back: any ticket but that of a
     * maintenance window no longer active, whose returning alarms are free to open an incident.
     */
    public boolean keepsReturning(String reference) {
        MaintenanceWindow window = windows.get(reference);
        return window == null || window.isActiveAt(context.now());
    }

    @Override
    public MaintenanceWindow planMaintenance(MaintenanceRequest request, String reason) {
        String reference = book.nextReference();
        List<String> affected = affectedCustomers(request);
        Ticket ticket = Ticket.opened(reference, Priority.P5, Text.limit("Maintenance: " + request.title(), 512),
                Text.limit(reason, 2000), "maintenance:" + reference, context.now(), null, SlaClock.started(null));
        for (String customer : affected) {
            ticket = ticket.withCustomer(customer, context.now());
        }
        book.open(ticket);
        book.journal(reference, JournalAction.OPENED, "Planned as P5 from " + request.start() + " to "
                + request.end() + (request.recurrence() == Recurrence.NONE ? ""
                : ", " + request.recurrence().name().toLowerCase(Locale.ROOT)
                + (request.until() == null ? "" : " until " + request.until()))
                + ", requested by " + request.requestedBy() + ": " + reason, JournalEntry.Visibility.PUBLIC);
        book.journal(reference, JournalAction.COMMENT, affected.isEmpty()
                ? "No customer service is in the scope: nobody to notify in advance"
                : "Customers to notify in advance (P-7.2): " + String.join(", ", affected));
        MaintenanceWindow window = windows.insert(new MaintenanceWindow(reference, request.title(),
                request.description(), request.start(), request.end(), request.recurrence(), request.until(),
                request.devices(), request.sites(), request.services(), true, null, affected,
                request.requestedBy()));
        context.reply(request, new MaintenanceRequest.Planned(reference));
        context.consume(request);
        return window;
    }

    @Override
    public void completeMaintenance(MaintenanceWindow window, MaintenanceCompletion completion) {
        MaintenanceWindow completed = replace(window, MaintenanceWindow::completed);
        book.journal(completed.reference(), JournalAction.OPERATION_COMPLETED,
                COMPLETED + completion.completedBy());
        context.consume(completion);
    }

    @Override
    public Ticket maintenanceOverran(MaintenanceWindow window, String reason) {
        MaintenanceWindow checked = replace(window, w -> w.checkedAt(context.now()));
        String reference = book.nextReference();
        Ticket incident = Ticket.opened(reference, Priority.P1,
                Text.limit("Maintenance overrun: " + checked.title(), 512), Text.limit(reason, 2000),
                "overrun:" + checked.reference(), context.now(), checked.reference(),
                SlaClock.started(book.sla().restoreObjective(Priority.P1)));
        for (String customer : checked.affectedCustomers()) {
            incident = incident.withCustomer(customer, context.now());
        }
        book.open(incident);
        book.journal(reference, JournalAction.OPENED, "Opened as P1, linked to maintenance " + checked.reference()
                + ": " + reason);
        book.journal(checked.reference(), JournalAction.COMMENT, "The window ended and overran: incident "
                + reference + " opened as P1");
        for (Alarm alarm : alarms.raisedOf(checked.reference())) {
            tickets.attach(alarm, incident);
        }
        return incident;
    }

    @Override
    public void maintenanceEnded(MaintenanceWindow window) {
        MaintenanceWindow checked = replace(window, w -> w.checkedAt(context.now()));
        book.journal(checked.reference(), JournalAction.COMMENT, "The window ended on time, its operation done and "
                + "no alarm active");
    }

    private List<String> affectedCustomers(MaintenanceRequest request) {
        Set<String> services = new TreeSet<>(request.services());
        for (Device device : context.objects(Device.class)) {
            if (request.devices().contains(device.name())
                    || (device.site() != null && request.sites().contains(device.site()))) {
                services.addAll(device.services());
            }
        }
        Set<String> customers = new TreeSet<>();
        for (Service service : context.objects(Service.class)) {
            if (services.contains(service.reference())) {
                customers.add(service.customer());
            }
        }
        return List.copyOf(customers);
    }

    private MaintenanceWindow replace(MaintenanceWindow window, UnaryOperator<MaintenanceWindow> change) {
        return windows.replace(change.apply(windows.require(window.reference())));
    }
}
