package noc.engine;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Safe rule editing: watches the rules folder, compiles a change in the background, and deploys a
 * good build at the engine's next cycle; a build with errors is reported (file, line, column) in the
 * log and at {@code GET /api/v1/rules/status} and the running rules stay.
 */
@Context
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.OwnsDatabase.class)
public final class RuleReloader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);
    /** The {@code result} labels of {@code noc_rules_builds_total}. */
    public static final List<String> RESULTS = List.of("ok", "failed");

    private final RuleDeployment engine;
    /** Where an engine node tells the others that it reloaded its rules; null in the single process. */
    private final noc.cluster.ClusterSignals signals;
    private final RulesConfiguration configuration;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RuleCompiler compiler;
    private final WatchService watcher;
    private volatile RuleStatus status;

    public RuleReloader(RuleDeployment engine, RulesConfiguration configuration, Clock clock, MeterRegistry meters,
                        @io.micronaut.core.annotation.Nullable noc.cluster.ClusterSignals signals) throws IOException {
        this.engine = engine;
        this.signals = signals;
        this.compiler = signals == null ? new RuleCompiler() : RuleCompiler.forEngines();
        this.configuration = configuration;
        this.clock = clock;
        this.meters = meters;
        CompiledRules running = engine.rules();
        Instant now = clock.instant();
        this.status = new RuleStatus(new RuleStatus.Running(running.files(), running.ruleCount(), now), "OK", now,
                running.warnings().stream().map(RuleStatus.Problem::of).toList());
        if (configuration.watch()) {
            watcher = FileSystems.getDefault().newWatchService();
            configuration.directory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            Thread thread = new Thread(this::watch, "rules-watch");
            thread.setDaemon(true);
            thread.start();
        } else {
            watcher = null;
        }
    }

    public RuleStatus status() {
        return status;
    }

    /**
     * Compiles the folder now and deploys it if it is good; on an engine node, then tells the other
     * engine nodes to reload theirs (their folders must hold the same files: a shared volume, or the
     * same deployment).
     */
    public RuleStatus reload() {
        RuleStatus reloaded = reloadHere();
        if (signals != null && "OK".equals(reloaded.lastBuild())) {
            try {
                signals.raise(noc.cluster.ClusterSignals.RULES, true);
            } catch (RuntimeException e) {
                LOG.error("The rules were deployed here, but the other engine nodes could not be told", e);
            }
        }
        return reloaded;
    }

    /** Compiles the folder now and deploys it on this node only, if it is good (another node's reload). */
    public synchronized RuleStatus reloadHere() {
        Instant now = clock.instant();
        try {
            CompiledRules rules = compiler.compile(configuration.directory());
            engine.deploy(rules);
            rules.warnings().forEach(w -> LOG.warn("Rule warning: {}", w));
            LOG.info("Rules compiled: {} rules from {}; deploying at the next cycle", rules.ruleCount(),
                    rules.files());
            meters.counter("noc.rules.builds", "result", "ok").increment();
            status = new RuleStatus(new RuleStatus.Running(rules.files(), rules.ruleCount(), now), "OK", now,
                    rules.warnings().stream().map(RuleStatus.Problem::of).toList());
        } catch (RuleBuildException e) {
            LOG.error("The rules folder does not compile; the running rules stay. {}", e.getMessage());
            meters.counter("noc.rules.builds", "result", "failed").increment();
            status = new RuleStatus(status.running(), "FAILED", now,
                    e.problems().stream().map(RuleStatus.Problem::of).toList());
        }
        return status;
    }

    /**
     * Compiles {@code candidates} (file name to DRL) together with the other files of the folder,
     * without deploying anything: a candidate replaces the file of the same name.
     */
    public RuleStatus.Validation validate(Map<String, String> candidates) {
        try {
            CompiledRules rules = compiler.compile(configuration.directory(), candidates);
            return new RuleStatus.Validation(true, rules.ruleCount(),
                    rules.warnings().stream().map(RuleStatus.Problem::of).toList());
        } catch (RuleBuildException e) {
            return RuleStatus.Validation.refused(e);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Wait for the folder to stay quiet: an editor saves in several writes.
                do {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(configuration.watchDelay().toMillis(), TimeUnit.MILLISECONDS);
                } while (key != null);
                reloadHere(); // every engine watches its own folder: no need to tell the others
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("The rules folder watcher stopped", e);
        }
    }

    @PreDestroy
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
