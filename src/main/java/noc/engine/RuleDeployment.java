package noc.engine;

/**
 * Where a good rule build goes: the single process's engine, or every session of an engine node.
 * {@link RuleReloader} compiles; this runs the result from the next cycle on.
 */
public interface RuleDeployment {

    /** The rule base running now. */
    CompiledRules rules();

    /** Runs {@code rules} from the next cycle of every session on; queued inputs wait, none is lost. */
    void deploy(CompiledRules rules);
}
