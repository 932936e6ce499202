package noc.notify;

/** What the rules decide of notifications (the {@code notices} global; rules/README "What rules can do"). */
public interface NoticeActions {

    /**
     * The customers of ticket {@code reference}, opened in this cycle, are told of it with the email
     * template {@code template} (in {@code notify.templates}) instead of the usual opening notice: a
     * planned maintenance announces itself with {@code maintenance-planned}.
     */
    void openingNotice(String reference, String template);
}
