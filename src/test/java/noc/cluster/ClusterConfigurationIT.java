package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.configuration.EffectiveSettings;
import noc.support.CorrelatorProcess;
import noc.support.Ports;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/** {@code noc.role} and {@code noc.cluster.*} as a start reads them: shown, checked, refused by name. */
class ClusterConfigurationIT {

    private static String clusterLine(Map<String, Object> overrides) {
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("cluster"), overrides)) {
            return app.context().getBean(EffectiveSettings.class).lines().stream()
                    .filter(line -> line.startsWith("cluster: ")).findFirst().orElseThrow();
        }
    }

    private static String startupFailure(Map<String, Object> overrides) {
        Throwable failure = catchThrowable(() -> TestApplication.start(TestDatabase.fresh("cluster_refused"),
                overrides).close());
        assertThat(failure).as("startup with %s", overrides).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void byDefaultTheProcessIsRoleAllAndTheLogShowsTheClusterDefaults() {
        assertThat(clusterLine(Map.of())).isEqualTo("cluster: role=all (this one process receives, correlates and "
                + "notifies); Kafka, for the collector and engine roles: brokers (none), topic noc-inputs, "
                + "12 partitions, replication factor 1, engines' group noc-engines, session timeout 10000 ms, "
                + "command timeout 10000 ms");
    }

    @Test
    void theClusterKeysAreReadAndShownWhileTheRoleStaysAll() {
        assertThat(clusterLine(Map.of("noc.role", "ALL", "noc.cluster.kafka.bootstrap-servers", "127.0.0.1:9092",
                "noc.cluster.topic", "inputs", "noc.cluster.partitions", 24, "noc.cluster.replication-factor", 3)))
                .isEqualTo("cluster: role=all (this one process receives, correlates and notifies); Kafka, for the "
                        + "collector and engine roles: brokers 127.0.0.1:9092, topic inputs, 24 partitions, "
                        + "replication factor 3, engines' group noc-engines, session timeout 10000 ms, "
                        + "command timeout 10000 ms");
    }

    @Test
    void aCollectorThatCannotReachKafkaIsRefusedAtStartupNamingTheBrokersAndTheWait() {
        String brokers = "127.0.0.1:" + Ports.free();
        assertThat(startupFailure(Map.of("noc.role", "collector", "noc.cluster.kafka.bootstrap-servers", brokers,
                "noc.cluster.collector.start-timeout", "2s")))
                .contains("Kafka (noc.cluster.kafka.bootstrap-servers " + brokers + ") did not answer within PT2S "
                        + "(noc.cluster.collector.start-timeout)");
    }

    @Test
    void anEngineWithoutBrokersIsRefusedAtStartupNamingTheKey() {
        assertThat(startupFailure(Map.of("noc.role", "engine")))
                .contains("noc.role engine needs noc.cluster.kafka.bootstrap-servers");
    }

    @Test
    void anUnknownRoleIsRefusedAtStartupNamingTheRoles() {
        assertThat(startupFailure(Map.of("noc.role", "standby")))
                .contains("noc.role must be all, collector, engine, not 'standby'");
    }

    @Test
    void aPartitionCountThatIsNotANumberIsRefusedNamingItsKey() {
        assertThat(startupFailure(Map.of("noc.cluster.partitions", "many")))
                .contains("noc.cluster.partitions must be a number, not 'many'");
    }

    @Test
    void theApplicationRefusesAnEngineWithoutBrokersBeforeMakingItsEmbeddedDatabase(@TempDir Path home) throws Exception {
        int httpPort = Ports.free();
        Path data = home.resolve("data");
        try (CorrelatorProcess refused = CorrelatorProcess.start(home, data, httpPort, Ports.free(),
                "--noc.role=engine")) {
            assertThat(refused.process().waitFor(120, TimeUnit.SECONDS)).as("the start gave up").isTrue();
            assertThat(refused.process().exitValue()).as("its exit code").isEqualTo(1);
            assertThat(refused.logText()).contains("Startup failed: noc.role engine needs noc.cluster.kafka.bootstrap-servers");
        }
        assertThat(Files.exists(data)).as("an embedded database in %s", data).isFalse();
    }
}
