package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import noc.support.Await;

/**
 * A partition's engine stores, with each cycle, how far its inputs went: once a cycle is given up
 * (the engine stopping while the database fails), no later cycle may commit, or it would store a
 * position past the given-up inputs and they would never be applied.
 */
class PartitionEngineTest {

    @Test
    void afterACycleIsGivenUpWhileStoppingNoLaterCycleCommits(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("nothing.drl"), "package test;\n");
        CompiledRules compiled = new RuleCompiler().compile(rules);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch giveUp = new CountDownLatch(1);
        List<Long> committed = new CopyOnWriteArrayList<>();
        Domain database = new Domain() {
            @Override
            public Seed load() {
                return context -> new Session() {
                };
            }

            @Override
            public void write(CycleChanges changes) {
                if (changes.inputsUpTo() == 5) {
                    writing.countDown();
                    try {
                        giveUp.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("connection lost"); // no SQL state: a passing failure
                }
                if (changes.inputsUpTo() >= 0) {
                    committed.add(changes.inputsUpTo());
                }
            }
        };
        // A tick of a second: every tick is a cycle, and two cycles of the clock alone queued behind the
        // blocked commit would fill the pipeline before the second input came (a test thread late by
        // 40 ms with 20 ms ticks), leaving it in the queue.
        EngineConfiguration configuration = new EngineConfiguration(Duration.ofSeconds(1), 100, 100,
                Duration.ofSeconds(1));
        EngineQueue queue = new EngineQueue(configuration);
        Engine engine = Engine.ofPartition("engine-p0", queue, configuration, compiled, database.load(),
                Clock.systemUTC(), database, new SimpleMeterRegistry());

        queue.offerAt("first", 5, Receipt.NONE);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        queue.offerAt("second", 6, Receipt.NONE);
        Await.until(Duration.ofSeconds(10), "the second input taken by a cycle", () -> queue.size() == 0);
        Thread stopping = new Thread(() -> {
            try {
                engine.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        Thread.sleep(200); // the engine is stopping: the failing commit is given up, not retried
        giveUp.countDown();
        stopping.join(20_000);

        assertThat(committed).as("positions committed after the given-up cycle").isEmpty();
        assertThat(engine.fenced()).as("the engine commits nothing more").isTrue();
    }
}
