package noc.engine.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import noc.alarm.Alarm;
import noc.database.JsonColumns;
import noc.domain.SessionState;
import noc.engine.CompiledRules;
import noc.engine.Correlation;
import noc.engine.CycleChanges;
import noc.notify.EmailConfiguration;
import noc.notify.Notification;
import noc.notify.NotificationPlanner;
import noc.notify.NotifyConfiguration;
import noc.notify.PlannedNotifications;
import noc.ticket.JournalEntry;
import noc.ticket.Ticket;
import noc.ticket.TicketChanges;
import noc.ticket.TicketCommand;

/**
 * Runs rule scenarios on a simulated clock, exactly as the engine runs its cycles, without a
 * database: the session starts from the scenario's given state on the configured values, and each
 * step is one cycle at its time, with its inputs in order. It also follows which rules' effects the
 * expectations asserted (see {@link Provenance}), for the check that every rule's is.
 */
public final class ScenarioRunner {

    /** Plans emails as the engine does with email on, so that scenarios can expect who is told what. */
    private static final NotificationPlanner PLANNER = new NotificationPlanner(new NotifyConfiguration(List.of(), 1,
            Duration.ofMinutes(10), "http://noc.example", java.nio.file.Path.of("templates"), "scenario",
            Duration.ofDays(7), "UTC", Duration.ofDays(30), null), new EmailConfiguration("scenario", 25, "", "", false,
            "noc@localhost", Duration.ofSeconds(10)), new JsonColumns(io.micronaut.json.JsonMapper.createDefault()));

    private final CompiledRules rules;
    private final ScenarioConfiguration configuration;
    private final Set<String> firedRules = new LinkedHashSet<>();
    private final Set<String> assertedRules = new LinkedHashSet<>();

    /** Runs on the built-in configuration. */
    public ScenarioRunner(CompiledRules rules) {
        this(rules, ScenarioConfiguration.builtIn());
    }

    public ScenarioRunner(CompiledRules rules, ScenarioConfiguration configuration) {
        this.rules = rules;
        this.configuration = configuration;
    }

    /** The outcome of one scenario; {@code message} says which expectation failed, and how. */
    public record Result(Scenario scenario, boolean passed, String message) {
    }

    /** The names of the rules that fired in the scenarios run so far. */
    public Set<String> firedRules() {
        return firedRules;
    }

    /** The names of the rules whose effect an expectation of the scenarios run so far asserted. */
    public Set<String> assertedRules() {
        return assertedRules;
    }

    /**
     * Null when the scenarios run so far asserted an effect of every rule; else which rules' effect
     * none asserted, and of them which none even fired.
     */
    public String coverageProblem() {
        Set<String> unasserted = new TreeSet<>();
        rules.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> unasserted.add(r.getName())));
        unasserted.removeAll(assertedRules);
        if (unasserted.isEmpty()) {
            return null;
        }
        Set<String> unfired = new TreeSet<>(unasserted);
        unfired.removeAll(firedRules);
        return "Rules whose effect no scenario asserts: " + unasserted
                + (unfired.isEmpty() ? "" : "; of them, fired by no scenario: " + unfired);
    }

    public Result run(Scenario scenario) {
        try {
            SessionState state = GivenState.of(scenario, configuration.bind(scenario.given().config()));
            try (Correlation correlation = new Correlation(rules, scenario.start(), state.notifying(PLANNER))) {
                DeclaredFacts declared = new DeclaredFacts(rules.kieBase());
                Provenance provenance = new Provenance(declared, assertedRules);
                correlation.onRuleFired(rule -> {
                    firedRules.add(rule);
                    provenance.fired(rule);
                });
                correlation.onFactChangeWithRule(provenance::changed);
                runSteps(scenario, correlation, declared, provenance);
            }
            return new Result(scenario, true, "");
        } catch (ScenarioException e) {
            return new Result(scenario, false, e.getMessage());
        }
    }

    private static void runSteps(Scenario scenario, Correlation correlation, DeclaredFacts declared,
                                 Provenance provenance) {
        List<JournalEntry> journal = new ArrayList<>();
        Map<String, String> seenReferences = new HashMap<>();
        correlation.facts(Ticket.class).forEach(t -> seenReferences.put(t.title(), t.reference()));
        Duration previous = Duration.ZERO;
        for (int i = 0; i < scenario.steps().size(); i++) {
            Scenario.Step step = scenario.steps().get(i);
            String where = "step " + (i + 1) + " (at " + format(step.at()) + ")";
            if (step.at().compareTo(previous) < 0) {
                throw new ScenarioException(where + ": steps must go forward in time, from 0s; the given state "
                        + "holds the past");
            }
            previous = step.at();
            Instant now = scenario.start().plus(step.at());
            provenance.beginStep();
            List<Object> inputs = new ArrayList<>();
            for (int m = 0; m < step.maintenance().size(); m++) {
                inputs.add(ScenarioInputs.maintenance(where + " maintenance[" + m + "]", step.maintenance().get(m),
                        scenario.start()));
            }
            for (Object title : step.complete()) {
                inputs.add(ScenarioInputs.completion(where + " complete", String.valueOf(title), correlation));
            }
            for (int d = 0; d < step.declarations().size(); d++) {
                inputs.add(ScenarioInputs.declaration(where + " declarations[" + d + "]", step.declarations().get(d)));
            }
            List<ScenarioInputs.Command> commands = new ArrayList<>();
            for (int c = 0; c < step.commands().size(); c++) {
                ScenarioInputs.Command command = ScenarioInputs.command(where + " commands[" + c + "]",
                        step.commands().get(c), correlation, seenReferences);
                commands.add(command);
                inputs.add(command.command());
            }
            for (int a = 0; a < step.alarms().size(); a++) {
                inputs.add(ScenarioInputs.alarm(where + " alarms[" + a + "]", step.alarms().get(a), now));
            }
            List<String> failures = new ArrayList<>();
            CycleChanges changes = correlation.cycle(now, inputs,
                    (input, e) -> failures.add("a rule threw on " + input + ": " + e));
            if (!failures.isEmpty()) {
                throw new ScenarioException(where + ": " + failures.get(0));
            }
            changes.rows(Ticket.class).forEach(t -> seenReferences.put(t.title(), t.reference()));
            commands.forEach(command -> checkRefusal(command, changes, provenance));
            journal.addAll(TicketChanges.in(changes).journal());
            List<Notification> emails = PlannedNotifications.in(changes).stream()
                    .filter(n -> n.channel() == Notification.Channel.EMAIL).toList();
            Expectations.check(where, step.expect(), new Expectations.Observed(correlation.facts(Ticket.class),
                    correlation.facts(Alarm.class), journal, emails, provenance.discarded(),
                    declared.suppressedBy(correlation), declared.services(correlation)), provenance);
        }
    }

    /** A refusal the scenario did not expect fails it, and so does an expected one that did not come. */
    private static void checkRefusal(ScenarioInputs.Command command, CycleChanges changes, Provenance provenance) {
        String refusal = refusal(command.command(), changes);
        if (command.refused() == null) {
            if (refusal != null) {
                throw new ScenarioException(command.where() + ": refused: " + refusal
                        + " (a scenario that expects it says refused: \"<text the refusal contains>\")");
            }
        } else if (refusal == null) {
            throw new ScenarioException(command.where() + ": expected to be refused (" + command.refused()
                    + ") but it was applied");
        } else if (!refusal.contains(command.refused())) {
            throw new ScenarioException(command.where() + ": expected a refusal containing '" + command.refused()
                    + "' but it was refused: " + refusal);
        } else {
            provenance.asserted(provenance.subject(command.command()), Set.of());
        }
    }

    /** Why the rules refused the command, or null: the one place that reads a refusal. */
    private static String refusal(TicketCommand command, CycleChanges changes) {
        return changes.replyTo(command) instanceof TicketCommand.Refused refused ? refused.reason() : null;
    }

    static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
