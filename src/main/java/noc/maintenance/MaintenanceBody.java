package noc.maintenance;

import static noc.api.Limits.AT_MOST;
import static noc.api.Limits.AT_MOST_ITEMS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import noc.api.FieldReader;
import noc.api.Limits;
import noc.api.StrictBody;
import noc.inventory.Inventory;
import noc.inventory.InventoryKind;

/**
 * A maintenance window to plan, as {@code POST /api/v1/maintenance-windows} takes it.
 *
 * @param title shown in the P5 ticket's title after "Maintenance: ", within its 512 characters
 * @param start RFC 3339, like {@code end} and {@code until}
 */
@Serdeable
public record MaintenanceBody(
        @Nullable @NotBlank(message = Limits.REQUIRED) @Size(max = MaintenanceBody.TITLE, message = AT_MOST) String title,
        @Nullable @Size(max = 4000, message = AT_MOST) String description,
        @Nullable @NotBlank(message = "is required (RFC 3339, e.g. 2026-03-02T22:00:00Z)")
        @Size(max = 64, message = AT_MOST) String start,
        @Nullable @NotBlank(message = "is required (RFC 3339, e.g. 2026-03-02T22:00:00Z)")
        @Size(max = 64, message = AT_MOST) String end,
        @Nullable @Size(max = 16, message = AT_MOST) String recurrence,
        @Nullable @Size(max = 64, message = AT_MOST) String until,
        @Nullable @NotNull(message = "is required: the devices, sites and services the work touches") @Valid Scope scope)
        implements StrictBody {

    /** The longest title: the ticket's 512 characters less "Maintenance: ". */
    public static final int TITLE = 499;
    /** The most names of one kind a scope holds. */
    public static final int MAX_SCOPE = 1000;

    /** The checks past the constraints, each a code that a planner may word in its own language. */
    public enum Check {
        /** A time that is not RFC 3339; its subject is the text given. */
        TIME,
        /** A recurrence that is not one of {@link Recurrence}'s; its subject is the text given. */
        RECURRENCE,
        /** An end at or before the start. */
        END_BEFORE_START,
        /** A recurring window as long as its period or longer; its subject is the recurrence. */
        PERIOD,
        /** A scope without a device, site or service. */
        EMPTY_SCOPE,
        /** A name the inventory does not know; its subject is the name. */
        UNKNOWN;

        /** {@code endBeforeStart}: how a message key names it. */
        public String code() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder code = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return code.toString();
        }
    }

    /**
     * A problem past the constraints: its field's path ({@code scope.devices[0]}), its check, what it is
     * about (a name, a text given; null when nothing), and the API's English sentence for it.
     */
    public record Finding(String field, Check check, @Nullable String subject, String message) {
    }

    /**
     * The request this body asks for, checked past its constraints as every planner (the API, the
     * console's form) checks it: times in RFC 3339, the end after the start, a recurring window shorter
     * than its period, a scope of at least one item, each known to {@code known}. Each problem goes to
     * {@code errors} under its field's path ({@code scope.devices[0]}) in the API's words; the request is
     * null when any.
     */
    public MaintenanceRequest request(String requestedBy, Inventory known, FieldReader errors) {
        List<Finding> findings = new ArrayList<>();
        MaintenanceRequest request = request(requestedBy, known, findings);
        findings.forEach(finding -> errors.error(finding.field(), finding.message()));
        return request;
    }

    /** The same, each problem added to {@code findings} with its {@link Check}. */
    public MaintenanceRequest request(String requestedBy, Inventory known, List<Finding> findings) {
        int before = findings.size();
        Instant startsAt = time(start.strip(), "start", findings);
        Instant endsAt = time(end.strip(), "end", findings);
        Instant last = until == null || until.isBlank() ? null : time(until.strip(), "until", findings);
        Recurrence repeats = recurrence(findings);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            findings.add(new Finding("end", Check.END_BEFORE_START, null, "must come after start"));
        }
        if (startsAt != null && endsAt != null && repeats != null && repeats != Recurrence.NONE
                && Duration.between(startsAt, endsAt).compareTo(repeats.period()) >= 0) {
            String named = repeats.name().toLowerCase(Locale.ROOT);
            findings.add(new Finding("end", Check.PERIOD, named, "a " + named + " window must be shorter than "
                    + "its period"));
        }
        List<String> devices = names(scope.of(scope.devices()), "devices", InventoryKind.DEVICES, known, findings);
        List<String> sites = names(scope.of(scope.sites()), "sites", InventoryKind.SITES, known, findings);
        List<String> services = names(scope.of(scope.services()), "services", InventoryKind.SERVICES, known, findings);
        if (devices.isEmpty() && sites.isEmpty() && services.isEmpty()) {
            findings.add(new Finding("scope", Check.EMPTY_SCOPE, null, "must name at least one device, site or service"));
        }
        if (findings.size() > before) {
            return null;
        }
        return new MaintenanceRequest(title.strip(), description == null ? "" : description, startsAt, endsAt,
                repeats, last, devices, sites, services, requestedBy);
    }

    /** An RFC 3339 time, or null and a finding in {@link FieldReader}'s words, which every API time has. */
    private static Instant time(String text, String field, List<Finding> findings) {
        FieldReader reader = new FieldReader();
        Instant time = reader.time(text, field);
        reader.errors().forEach(error -> findings.add(new Finding(field, Check.TIME, text, error.message())));
        return time;
    }

    private Recurrence recurrence(List<Finding> findings) {
        if (recurrence == null || recurrence.isBlank()) {
            return Recurrence.NONE;
        }
        FieldReader reader = new FieldReader();
        Recurrence repeats = reader.choice(Recurrence.class, recurrence, "recurrence");
        reader.errors().forEach(error -> findings.add(new Finding("recurrence", Check.RECURRENCE, recurrence,
                error.message())));
        return repeats;
    }

    private static List<String> names(List<String> names, String field, InventoryKind kind, Inventory known,
                                      List<Finding> findings) {
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(kind, names.get(i))) {
                findings.add(new Finding("scope." + field + "[" + i + "]", Check.UNKNOWN, names.get(i),
                        "refers to unknown " + kind.path().replaceAll("s$", "") + " '" + names.get(i) + "'"));
            }
        }
        return names;
    }

    /** What the work touches, by inventory name. */
    @Serdeable
    public record Scope(
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String> devices,
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String> sites,
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.SERVICE_REFERENCE, message = AT_MOST)
                 String> services) {

        List<String> of(List<String> names) {
            return names == null ? List.of() : names.stream().map(String::strip).toList();
        }
    }
}
