package noc.engine.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

import noc.engine.Correlation;

/**
 * The facts the rules declare for themselves in {@code 00-declarations.drl} ({@code Suppressed},
 * {@code TicketService}), which have no Java class to read them by: a rules folder without them
 * simply has none.
 */
final class DeclaredFacts {

    private static final String PACKAGE = "noc.rules";

    private final FactType suppressed;
    private final FactType ticketService;

    DeclaredFacts(KieBase kieBase) {
        this.suppressed = kieBase.getFactType(PACKAGE, "Suppressed");
        this.ticketService = kieBase.getFactType(PACKAGE, "TicketService");
    }

    /** The reduction key of the alarm a {@code Suppressed} fact marks, or null for another fact. */
    String suppressedAlarm(Object fact) {
        return is(suppressed, fact) ? String.valueOf(suppressed.get(fact, "reductionKey")) : null;
    }

    /** The ticket a {@code TicketService} fact is about, or null for another fact. */
    String serviceTicket(Object fact) {
        return is(ticketService, fact) ? String.valueOf(ticketService.get(fact, "ticketReference")) : null;
    }

    /** The cause's reduction key by suppressed alarm's. */
    Map<String, String> suppressedBy(Correlation correlation) {
        Map<String, String> causes = new HashMap<>();
        for (Object fact : facts(suppressed, correlation)) {
            causes.put(String.valueOf(suppressed.get(fact, "reductionKey")),
                    String.valueOf(suppressed.get(fact, "cause")));
        }
        return causes;
    }

    /** The services each ticket affects, by reference, sorted. */
    Map<String, List<String>> services(Correlation correlation) {
        Map<String, TreeSet<String>> services = new HashMap<>();
        for (Object fact : facts(ticketService, correlation)) {
            services.computeIfAbsent(String.valueOf(ticketService.get(fact, "ticketReference")), r -> new TreeSet<>())
                    .add(String.valueOf(ticketService.get(fact, "service")));
        }
        Map<String, List<String>> sorted = new HashMap<>();
        services.forEach((reference, names) -> sorted.put(reference, new ArrayList<>(names)));
        return sorted;
    }

    private static boolean is(FactType type, Object fact) {
        return type != null && type.getFactClass().isInstance(fact);
    }

    private static List<?> facts(FactType type, Correlation correlation) {
        return type == null ? List.of() : correlation.facts(type.getFactClass());
    }
}
