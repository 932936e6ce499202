package noc.notify;

import noc.engine.SessionContext;

/** The rules' {@link NoticeActions}: what they choose is kept in the cycle for the planner. */
public final class Notices implements NoticeActions {

    private final SessionContext context;

    public Notices(SessionContext context) {
        this.context = context;
    }

    @Override
    public void openingNotice(String reference, String template) {
        PlannedNotifications.of(context.changes()).openingTemplate(reference, template);
    }
}
