package noc.cluster;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Conditions on this node's role ({@code noc.role}, in any case, {@code all} when unset) for the beans
 * that belong to some roles only: {@code @Requires(condition = InRole.All.class)}. A role named wrongly
 * matches none: the start is refused earlier, by {@link ClusterConfiguration#check}.
 */
public final class InRole {

    private InRole() {
    }

    static Role of(ConditionContext<?> context) {
        try {
            return Role.of(context.getProperty("noc.role", String.class).orElse("all"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The single process: receives, correlates and notifies. */
    public static final class All implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.ALL;
        }
    }

    /** A node that consumes the inputs topic and correlates. */
    public static final class Engine implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.ENGINE;
        }
    }

    /** A node that receives and publishes to Kafka, without a database. */
    public static final class Collector implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == Role.COLLECTOR;
        }
    }

    /** A node with a database: the single process or an engine. */
    public static final class WithDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            Role role = of(context);
            return role == Role.ALL || role == Role.ENGINE;
        }
    }
}
