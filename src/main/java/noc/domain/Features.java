package noc.domain;

import java.util.List;

import noc.alarm.AlarmLifecycle;
import noc.alarm.AlarmTicket;
import noc.alarm.ServiceAccess;
import noc.engine.CycleChanges;
import noc.engine.Domain;
import noc.engine.SessionContext;
import noc.inventory.InventoryFacts;
import noc.inventory.InventorySnapshot;
import noc.maintenance.ForeignWindows;
import noc.maintenance.MaintenanceLifecycle;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.WindowScope;
import noc.notify.Directory;
import noc.notify.NotificationPlanner;
import noc.notify.Notices;
import noc.notify.PlannedNotifications;
import noc.ticket.Deadlines;
import noc.ticket.Declarations;
import noc.ticket.TicketBook;
import noc.ticket.TicketChanges;
import noc.ticket.TicketCommands;
import noc.ticket.TicketLifecycle;
import noc.ticket.TicketNumbers;
import noc.ticket.TicketReferences;

/**
 * The domain's side of one session: puts the state's facts in it, and gives the rules the features
 * as globals (rules/README "What rules can do"): {@code alarms}, {@code tickets}, {@code commands},
 * {@code deadlines}, {@code declarations}, {@code maintenance} and {@code notices}.
 */
final class Features implements Domain.Session {

    private final SessionContext context;
    private final SessionState state;
    private final NotificationPlanner planner;
    private final InventoryFacts inventory;
    private final TicketBook book;
    private final AlarmLifecycle alarms;
    private final Placement placement;
    /** The windows of other sessions covering devices of this one (null in one process), and those on when last looked. */
    private final ForeignWindows foreignWindows;
    private java.util.Set<String> windowsOn = java.util.Set.of();

    /**
     * @param planner who decides who is told what of each cycle; null to tell nobody (scenarios, shadows)
     * @param numbers where the references of new tickets come from
     */
    Features(SessionContext context, SessionState state, NotificationPlanner planner, TicketNumbers numbers) {
        this(context, state, planner, numbers, null);
    }

    /** @param placement where the session stands among those sharing the work, or null for one process */
    Features(SessionContext context, SessionState state, NotificationPlanner planner, TicketNumbers numbers,
             Placement placement) {
        this.context = context;
        this.state = state;
        this.planner = planner;
        this.placement = placement;
        context.insert(state.policy());
        context.insert(state.sla());
        inventory = new InventoryFacts(context, state.inventory(), placement == null ? null : placement.local());
        book = new TicketBook(context, new TicketReferences(numbers), state.sla(), state.tickets());
        alarms = new AlarmLifecycle(context, state.alarms(), placement == null ? List.of() : placement.mirrored());
        TicketLifecycle tickets = new TicketLifecycle(book, alarms);
        MaintenanceLifecycle maintenance = new MaintenanceLifecycle(context, book, tickets, alarms, state.windows());
        alarms.tell(tickets.alarmTickets(maintenance::keepsReturning));
        if (placement != null) {
            foreignWindows = new ForeignWindows(context, inventory::deviceAt, placement.windows());
            // Only the alarms sent to a window's session follow it; one sent to a home the inventory has
            // since moved goes to its new home, as it would have without a rebuild.
            java.util.Set<String> owners = new java.util.HashSet<>();
            placement.windows().forEach(window -> owners.add(window.owner()));
            java.util.Map<String, String> sent = new java.util.HashMap<>(placement.sent());
            sent.values().removeIf(home -> !owners.contains(home));
            alarms.shareWork(foreignWindows, inventory::ticketHomeOfSource, inventory::decidesTicketsOf, sent);
            holdBack();
        } else {
            foreignWindows = null;
        }
        Deadlines deadlines = new Deadlines(book);
        context.global("alarms", alarms);
        context.global("tickets", tickets);
        context.global("commands", new TicketCommands(book, deadlines, inventory));
        context.global("deadlines", deadlines);
        context.global("declarations", new Declarations(book, inventory));
        context.global("maintenance", maintenance);
        context.global("notices", new Notices(context));
    }

    @Override
    public void beginCycle() {
        alarms.retireCleared(state.retention().clearedAlarmsBefore(context.now()));
        if (foreignWindows != null) {
            foreignWindows.forgetOver();
            if (!foreignWindows.activeNow().equals(windowsOn)) {
                holdBack();
            }
        }
    }

    /** The sources of devices under a window of another session, held back from this session's tickets. */
    private void holdBack() {
        windowsOn = foreignWindows.activeNow();
        inventory.holdBack(foreignWindows.ownersNow(inventory.devices()));
    }

    @Override
    public boolean absorb(Object input) {
        if (input instanceof InventorySnapshot snapshot) {
            inventory.sync(snapshot.items());
            if (foreignWindows != null) {
                holdBack();
            }
            return true;
        }
        if (input instanceof WindowScope scope) {
            if (foreignWindows != null) {
                foreignWindows.learn(scope);
                holdBack();
            }
            return true;
        }
        if (input instanceof ServiceAccess access) {
            alarms.mirror(access);
            return true;
        }
        if (input instanceof AlarmTicket told) {
            alarms.learnTicket(told);
            return true;
        }
        return false;
    }

    @Override
    public boolean firesOnAbsorbing(Object input) {
        return input instanceof ServiceAccess || input instanceof AlarmTicket;
    }

    /**
     * A window this session holds whose devices have several ticket homes is told to the domains of the
     * devices of the others ({@link WindowScope}), where their alarms are raised, at every change.
     */
    private void tellWindows(CycleChanges changes) {
        noc.inventory.CorrelationDomains domains = inventory.domains();
        for (MaintenanceWindow window : List.copyOf(changes.rows(MaintenanceWindow.class))) {
            domains.windowOwner(window.devices(), window.sites(), window.services()).ifPresent(owner -> {
                for (String guest : domains.windowGuests(owner, window.devices(), window.sites(), window.services())) {
                    if (!placement.local().test(guest)) {
                        changes.row(WindowScope.class, window.reference() + "|" + guest,
                                WindowScope.of(window, owner, guest));
                    }
                }
            });
        }
    }

    @Override
    public void endCycle(CycleChanges changes) {
        if (placement != null) {
            alarms.relay(changes, inventory::ticketHomeOfSource, inventory::domainOfSource);
            tellWindows(changes);
        }
        TicketChanges tickets = changes.partOrNull(TicketChanges.class);
        if (planner == null || tickets == null || tickets.journal().isEmpty()) {
            return; // no journal line, nobody to tell: idle ticks plan nothing
        }
        PlannedNotifications notices = PlannedNotifications.of(changes);
        notices.notifications(planner.plan(tickets.journal(), tickets.journalTickets(), tickets.customersAdded(),
                book::standing, () -> Directory.of(inventory.items()), state.sla(), notices::opening));
    }
}
