package noc.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what. A person or a token holds some of these; at login they are widened to what they
 * include ({@link #grants()}), so that each route names the least role that may call it.
 */
public enum Role {
    /** Reads tickets, alarms, inventory, maintenance, rules status and MIBs. */
    VIEWER,
    /** A viewer who also acts on tickets, plans and completes maintenance, retries notifications. */
    OPERATOR,
    /** A viewer who also validates and reloads the rules. */
    RULES,
    /** Everything: inventory writes, users, tokens, audit. */
    ADMIN,
    /** Posts alarms only. */
    INTAKE,
    /** Scrapes /prometheus only. */
    METRICS,
    /** Follows and declares the tickets of the one inventory customer it is bound to. */
    CUSTOMER;

    /** The names used in tokens and {@code @Secured}: the lower-case role name. */
    public static final String VIEWER_NAME = "viewer";
    public static final String OPERATOR_NAME = "operator";
    public static final String RULES_NAME = "rules";
    public static final String ADMIN_NAME = "admin";
    public static final String INTAKE_NAME = "intake";
    public static final String METRICS_NAME = "metrics";
    public static final String CUSTOMER_NAME = "customer";

    /**
     * The names a user may be given, as one regular expression for the bodies' {@code @Pattern}
     * (annotations take only constants, so it is made of the names above; RoleTest checks it names
     * each role).
     */
    public static final String USER_ROLES_PATTERN = VIEWER_NAME + "|" + OPERATOR_NAME + "|" + RULES_NAME + "|"
            + ADMIN_NAME + "|" + INTAKE_NAME + "|" + METRICS_NAME + "|" + CUSTOMER_NAME;
    /** The same for a token: every role {@link #forToken()}. */
    public static final String TOKEN_ROLES_PATTERN = VIEWER_NAME + "|" + OPERATOR_NAME + "|" + RULES_NAME + "|"
            + ADMIN_NAME + "|" + INTAKE_NAME + "|" + METRICS_NAME;

    private static final List<String> IDS = Arrays.stream(values()).map(Role::id).toList();
    private static final List<String> TOKEN_IDS = Arrays.stream(values()).filter(Role::forToken).map(Role::id)
            .toList();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a token may hold this role: any but customer (a token is an integration's, never a customer's). */
    public boolean forToken() {
        return this != CUSTOMER;
    }

    /** The names of every role, in the enum's order (the console's forms offer them so). */
    public static List<String> ids() {
        return IDS;
    }

    /** The names of the roles a token may hold, in the same order. */
    public static List<String> tokenIds() {
        return TOKEN_IDS;
    }

    public static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** This role with those it includes. */
    public Set<Role> grants() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
            case RULES -> EnumSet.of(RULES, VIEWER);
            case ADMIN -> EnumSet.of(ADMIN, OPERATOR, RULES, VIEWER, INTAKE, METRICS);
            case INTAKE -> EnumSet.of(INTAKE);
            case METRICS -> EnumSet.of(METRICS);
            case CUSTOMER -> EnumSet.of(CUSTOMER);
        };
    }

    /** The role names that {@code held} roles grant, sorted. */
    public static List<String> granted(Collection<Role> held) {
        Set<String> names = new TreeSet<>();
        for (Role role : held) {
            role.grants().forEach(granted -> names.add(granted.id()));
        }
        return List.copyOf(names);
    }

    /** The roles named (each a known role name: the bodies that give them are checked first). */
    public static Set<Role> ofAll(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(of(name).orElseThrow()));
        return roles;
    }

    /** Roles stored as {@code viewer,operator}. */
    public static Set<Role> parse(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : column.split(",")) {
            of(part.strip()).ifPresent(roles::add);
        }
        return roles;
    }

    public static String column(Collection<Role> roles) {
        return String.join(",", roles.stream().map(Role::id).sorted().toList());
    }
}
