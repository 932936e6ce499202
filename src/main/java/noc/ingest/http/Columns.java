package noc.ingest.http;

/** The sizes of the alarm columns an intake's values land in (V1__alarms_tickets_journal.sql). */
final class Columns {

    static final int SOURCE = 255;
    static final int NAME = 255;
    static final int RESOURCE = 255;
    static final int REDUCTION_KEY = 700;

    private Columns() {
    }
}
