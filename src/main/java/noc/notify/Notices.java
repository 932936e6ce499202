package noc.notify;

import noc.engine.SessionContext;
import noc.maintenance.MaintenanceWindow;

/** The rules' {@link NoticeActions}: what they choose is kept in the cycle for the planner. */
public final class Notices implements NoticeActions {

    private final SessionContext context;

    public Notices(SessionContext context) {
        this.context = context;
    }

    /** A maintenance window's notice also says the window (its first occurrence). */
    @Override
    public void openingNotice(String reference, String template) {
        MaintenanceWindow window = context.objects(MaintenanceWindow.class).stream()
                .filter(each -> each.reference().equals(reference)).findFirst().orElse(null);
        PlannedNotifications.of(context.changes()).opening(reference, new PlannedNotifications.Opening(template,
                window == null ? null : window.start(), window == null ? null : window.end()));
    }
}
