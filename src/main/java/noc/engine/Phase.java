package noc.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases the rules run in, first to last, so that no rule's place in a firing rests on an
 * unexplained number: each rule names its phase as its salience ({@code salience Phase.TICKETS}).
 * Whenever a rule of an earlier phase can fire, it fires before any of a later one, also when a later
 * rule's effect is what made it able to. rules/README.md "Phases" says which rules each phase holds
 * and why the order matters. Within a phase the rules do not depend on each other's order, except
 * those of one file, which fire in the order of the file.
 */
public final class Phase {

    private static final Pattern SALIENCE = Pattern.compile("^([ \\t]*salience[ \\t]+)Phase\\.([A-Z_]+)([ \\t]*)$",
            Pattern.MULTILINE);

    /** An input is re-keyed before any rule reads its reduction key. */
    public static final int INTAKE = 1200;
    /** People's actions that the ticket state table or P-5.1 do not allow are refused, before any applies. */
    public static final int GUARDS = 1150;
    /** People's actions, declarations and maintenance requests are applied or refused. */
    public static final int COMMANDS = 1100;
    /** A clear event or a link up clears its alarm, or is discarded, before it could count as an occurrence. */
    public static final int CLEARING = 1000;
    /** An occurrence raises a new alarm or counts on its alarm. */
    public static final int COUNTING = 900;
    /** Root cause: the alarms that are symptoms of a device that is down, and their joining its ticket. */
    public static final int CORRELATION = 800;
    /** An alarm in the scope of an active maintenance window goes to it; a window's end is checked. */
    public static final int MAINTENANCE = 700;
    /** The services a ticket affects; an alarm on one of them joins the ticket if it is recent. */
    public static final int SERVICES = 600;
    /** Tickets open, gather their alarms, take their priority, customers and major status, resolve and close. */
    public static final int TICKETS = 500;
    /** Patterns over time, said by alarms of the correlator's own on the ticket of their cause: storms, flapping. */
    public static final int PATTERNS = 400;
    /** The restore objective is checked. */
    public static final int SLA = 300;
    /** Escalation levels. */
    public static final int ESCALATION = 200;
    /** A wait on the customer stops the clock, after what fell due up to now was decided. */
    public static final int WAITING = 100;

    private Phase() {
    }

    /**
     * The rule text with each {@code salience Phase.NAME} line given the phase's number. Drools takes
     * any salience that is not a number literal for one that may differ per match: it evaluates it for
     * every match and orders the matches of a rule by it, which changes the order in which one rule
     * fires on several matches (which of two open tickets an alarm joins, say). A number keeps that
     * order as it was. The line keeps its place, so problems keep their line; an unknown name is left
     * for the compiler to report.
     */
    static String resolve(String drl) {
        Matcher matcher = SALIENCE.matcher(drl);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Integer number = number(matcher.group(2));
            String line = number == null ? matcher.group()
                    : matcher.group(1) + number + matcher.group(3);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(line));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static Integer number(String name) {
        try {
            return Phase.class.getField(name).getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
