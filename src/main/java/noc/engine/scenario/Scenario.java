package noc.engine.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import noc.api.FieldReader;
import noc.engine.Policy;
import noc.inventory.InventoryDocument;
import noc.inventory.InventoryItem;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A rule scenario from {@code rules/tests/*.yaml}: at time offsets from a start, alarms arrive, and
 * expectations hold on tickets, alarms and the journal. See rules/README.md for the format.
 *
 * @param file the file it came from, for messages
 */
public record Scenario(String file, String name, Instant start, Policy policy, List<InventoryItem> inventory,
                       List<Step> steps) {

    private static final Instant DEFAULT_START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

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

    @SuppressWarnings("unchecked")
    static Scenario parse(Path file) throws IOException {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new ScenarioException(file.getFileName() + ": not valid YAML: " + e.getMessage());
        }
        String where = file.getFileName().toString();
        if (!(document instanceof Map<?, ?> map)) {
            throw new ScenarioException(where + ": a scenario is a mapping with name and steps");
        }
        known(where, map, "name", "start", "given", "steps");
        Object name = map.get("name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new ScenarioException(where + ": name is required");
        }
        Instant start = map.get("start") == null ? DEFAULT_START : instant(where, map.get("start"));
        List<InventoryItem> inventory = List.of();
        Policy policy = Policy.defaults();
        if (map.get("given") instanceof Map<?, ?> given) {
            known(where + " given", given, "inventory", "policy");
            if (given.get("policy") instanceof Map<?, ?> figures) {
                known(where + " given.policy", figures, "majorIncidentCustomers");
                Object limit = figures.get("majorIncidentCustomers");
                if (limit != null) {
                    try {
                        policy = policy.withMajorIncidentCustomers(Integer.parseInt(String.valueOf(limit)));
                    } catch (NumberFormatException e) {
                        throw new ScenarioException(where + ": given.policy.majorIncidentCustomers must be a number");
                    }
                }
            }
            if (given.get("inventory") instanceof Map<?, ?> inventoryDocument) {
                FieldReader errors = new FieldReader();
                InventoryDocument.Parsed parsed = InventoryDocument.parse((Map<String, Object>) inventoryDocument,
                        "given.inventory", errors);
                InventoryDocument.checkReferences(parsed, List.of(), errors);
                if (!errors.ok()) {
                    throw new ScenarioException(where + ": " + errors.errors().get(0).field() + " "
                            + errors.errors().get(0).message());
                }
                inventory = parsed.items();
            }
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
            known(at, step, "at", "alarms", "expect", "maintenance", "complete", "declarations", "commands");
            Object alarms = step.get("alarms");
            if (alarms != null && !(alarms instanceof List<?>)) {
                throw new ScenarioException(at + ".alarms: must be a list");
            }
            Object expect = step.get("expect");
            if (expect != null && !(expect instanceof Map<?, ?>)) {
                throw new ScenarioException(at + ".expect: must be a mapping");
            }
            Object maintenance = step.get("maintenance");
            if (maintenance != null && !(maintenance instanceof List<?>)) {
                throw new ScenarioException(at + ".maintenance: must be a list");
            }
            Object complete = step.get("complete");
            if (complete != null && !(complete instanceof List<?>)) {
                throw new ScenarioException(at + ".complete: must be a list of window titles");
            }
            Object declarations = step.get("declarations");
            if (declarations != null && !(declarations instanceof List<?>)) {
                throw new ScenarioException(at + ".declarations: must be a list");
            }
            Object commands = step.get("commands");
            if (commands != null && !(commands instanceof List<?>)) {
                throw new ScenarioException(at + ".commands: must be a list");
            }
            steps.add(new Step(duration(at + ".at", step.get("at")),
                    maintenance == null ? List.of() : (List<Map<String, Object>>) maintenance,
                    complete == null ? List.of() : (List<Object>) complete,
                    declarations == null ? List.of() : (List<Map<String, Object>>) declarations,
                    commands == null ? List.of() : (List<Map<String, Object>>) commands,
                    alarms == null ? List.of() : (List<Map<String, Object>>) alarms,
                    expect == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) expect)));
        }
        return new Scenario(where, text, start, policy, inventory, steps);
    }

    /** Refuses a key that is not one of {@code keys}: a misspelt one would be silently ignored. */
    private static void known(String where, Map<?, ?> map, String... keys) {
        List<String> allowed = List.of(keys);
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new ScenarioException(where + ": unknown field '" + key + "'; use " + String.join(", ", keys));
            }
        }
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

    /** {@code 0s}, {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 2d}, or ISO-8601 {@code PT5M}. */
    static Duration duration(String where, Object value) {
        String text = value == null ? "" : String.valueOf(value).strip();
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
