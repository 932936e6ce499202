package noc.cluster;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Which beans a role has, for {@code @Requires(condition = ...)}: read from {@code noc.role} as
 * {@link Role#of} reads it (in any case), which a plain {@code @Requires(property = ...)} would not.
 * A role that does not parse counts as {@code all} here; {@link ClusterConfiguration} refuses it by
 * name as the application starts.
 */
public final class Roles {

    private Roles() {
    }

    static Role of(ConditionContext<?> context) {
        try {
            return Role.of(context.getProperty("noc.role", String.class).orElse(Role.ALL.key()));
        } catch (IllegalArgumentException e) {
            return Role.ALL;
        }
    }

    /**
     * Roles {@code all} and {@code engine}: the node owns the database, and so has the beans that
     * reach it (stores, engine, outbox, console, the REST API but the intake). A collector has none.
     */
    public static final class OwnsDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) != Role.COLLECTOR;
        }
    }

    /** Role {@code all}: the single process, whose one engine takes its inputs from its own queue. */
    public static final class All implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.ALL;
        }
    }

    /**
     * Roles {@code all} and {@code collector}: the node receives traps and HTTP alarms. An engine takes
     * its inputs from Kafka only, so it neither binds the SNMP port nor serves the intake routes.
     */
    public static final class Receives implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) != Role.ENGINE;
        }
    }

    /** Role {@code collector}: intake published to Kafka. */
    public static final class Collector implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.COLLECTOR;
        }
    }

    /** Role {@code engine}: consumes the inputs topic, and publishes what collectors route by. */
    public static final class Engine implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.ENGINE;
        }
    }
}
