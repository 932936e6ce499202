package noc.engine.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import noc.api.FieldReader;
import noc.inventory.InventoryDocument;
import noc.inventory.InventoryItem;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A rule scenario from {@code rules/tests/*.yaml}: from a given state, at time offsets from a start,
 * inputs arrive, and expectations hold on tickets, alarms and the journal. See rules/README.md for
 * the format.
 *
 * @param file the file it came from, for messages
 */
public record Scenario(String file, String name, Instant start, Given given, List<Step> steps) {

    private static final Instant DEFAULT_START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /**
     * What the scenario starts from, as MariaDB and the configuration would give it at startup.
     *
     * @param config  configuration keys over the configured ones ({@code noc.policy.major-incident-customers: 1})
     * @param tickets open tickets, as written (built at run time, on the configured SLA)
     * @param alarms  alarms, as written
     */
    public record Given(Map<String, Object> config, List<InventoryItem> inventory,
                        List<Map<String, Object>> tickets, List<Map<String, Object>> alarms) {

        static final Given NOTHING = new Given(Map.of(), List.of(), List.of(), List.of());
    }

    /** One point in time: what arrives, then what must hold. */
    public record Step(Duration at, List<Map<String, Object>> maintenance, List<Object> complete,
                       List<Map<String, Object>> declarations, List<Map<String, Object>> commands,
                       List<Map<String, Object>> alarms, Map<String, Object> expect) {
    }

    public static List<Scenario> load(Path directory) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return scenarios;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                scenarios.add(parse(file));
            }
        }
        return scenarios;
    }

    static Scenario parse(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file));
    }

    /** A scenario from its text; {@code where} names it in messages. */
    @SuppressWarnings("unchecked")
    static Scenario parse(String where, String text) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new ScenarioException(where + ": not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ScenarioException(where + ": a scenario is a mapping with name and steps");
        }
        Fields.known(where, map.keySet(), Set.of("name", "start", "given", "steps"));
        Object name = map.get("name");
        if (!(name instanceof String title) || title.isBlank()) {
            throw new ScenarioException(where + ": name is required");
        }
        Instant start = map.get("start") == null ? DEFAULT_START : instant(where, map.get("start"));
        Given given = Given.NOTHING;
        if (map.get("given") instanceof Map<?, ?> givenMap) {
            given = given(where, (Map<String, Object>) givenMap);
        } else if (map.get("given") != null) {
            throw new ScenarioException(where + ": given must be a mapping (inventory: ...)");
        }
        if (!(map.get("steps") instanceof List<?> stepList) || stepList.isEmpty()) {
            throw new ScenarioException(where + ": steps must be a non-empty list");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepList.size(); i++) {
            String at = where + " steps[" + i + "]";
            if (!(stepList.get(i) instanceof Map<?, ?> step)) {
                throw new ScenarioException(at + ": a step is a mapping with at, alarms and expect");
            }
            Fields.known(at, step.keySet(),
                    Set.of("at", "alarms", "expect", "maintenance", "complete", "declarations", "commands"));
            Object expect = step.get("expect");
            if (expect != null && !(expect instanceof Map<?, ?>)) {
                throw new ScenarioException(at + ".expect: must be a mapping");
            }
            Object complete = step.get("complete");
            if (complete != null && !(complete instanceof List<?>)) {
                throw new ScenarioException(at + ".complete: must be a list of window titles");
            }
            steps.add(new Step(duration(at + ".at", step.get("at")), list(at + ".maintenance", step.get("maintenance")),
                    complete == null ? List.of() : (List<Object>) complete,
                    list(at + ".declarations", step.get("declarations")), list(at + ".commands", step.get("commands")),
                    list(at + ".alarms", step.get("alarms")),
                    expect == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) expect)));
        }
        return new Scenario(where, title, start, given, steps);
    }

    @SuppressWarnings("unchecked")
    private static Given given(String file, Map<String, Object> given) {
        String where = file + " given";
        Fields.known(where, given.keySet(), Set.of("inventory", "policy", "config", "tickets", "alarms"));
        Map<String, Object> config = new LinkedHashMap<>();
        // given.policy is short for the noc.policy.* keys
        if (given.get("policy") instanceof Map<?, ?> figures) {
            figures.forEach((key, value) -> config.put("noc.policy." + key, value));
        } else if (given.get("policy") != null) {
            throw new ScenarioException(where + ".policy: must be a mapping (major-incident-customers: 1)");
        }
        if (given.get("config") instanceof Map<?, ?> keys) {
            keys.forEach((key, value) -> {
                if (!String.valueOf(key).startsWith("noc")) {
                    throw new ScenarioException(where + ".config: '" + key + "' is not a key of the correlator's "
                            + "(noc.sla.*, noc.escalation.*, noc.closure.*, noc.policy.*, noc.retention.*)");
                }
                config.put(String.valueOf(key), value);
            });
        } else if (given.get("config") != null) {
            throw new ScenarioException(where + ".config: must be a mapping of configuration keys "
                    + "(noc.sla.p1.restore-objective: 2h)");
        }
        List<InventoryItem> inventory = List.of();
        if (given.get("inventory") instanceof Map<?, ?> inventoryDocument) {
            FieldReader errors = new FieldReader();
            InventoryDocument.Parsed parsed = InventoryDocument.parse((Map<String, Object>) inventoryDocument,
                    "given.inventory", errors);
            InventoryDocument.checkReferences(parsed, List.of(), errors);
            if (!errors.ok()) {
                throw new ScenarioException(file + ": "
                        + errors.errors().get(0).field() + " " + errors.errors().get(0).message());
            }
            inventory = parsed.items();
        }
        return new Given(config, inventory, list(where + ".tickets", given.get("tickets")),
                list(where + ".alarms", given.get("alarms")));
    }

    /** A list of mappings, or none when absent. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new ScenarioException(where + ": must be a list");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?>)) {
                throw new ScenarioException(where + "[" + i + "]: must be a mapping of field: value");
            }
        }
        return (List<Map<String, Object>>) items;
    }

    private static Instant instant(String where, Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new ScenarioException(where + ": start must be a time such as 2026-03-02T08:00:00Z");
        }
    }

    /**
     * {@code 0s}, {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 2d}, or ISO-8601 {@code PT5M}; a
     * leading {@code -} goes back from the start (the given state's past).
     */
    static Duration duration(String where, Object value) {
        String text = value == null ? "" : String.valueOf(value).strip();
        if (text.startsWith("-") && text.length() > 1) {
            return duration(where, text.substring(1)).negated();
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException e) {
                throw new ScenarioException(where + ": not a duration: " + text);
            }
        }
        Matcher matcher = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new ScenarioException(where + ": must be a time offset such as 0s, 90s, 5m, 1h30m, 2d, not '"
                    + text + "'");
        }
        return total;
    }
}
