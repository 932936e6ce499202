package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as Compose reads it (Debian's {@code docker-compose}, which .ci/run installs; no
 * Docker engine is needed to check a file): the single node by default, and the {@code cluster}
 * profile's Kafka, two engines and a collector, each restarted unless stopped.
 */
class ComposeFileTest {

    private static String compose(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }

    @Test
    void theSingleNodeFileIsValid() throws Exception {
        String single = compose("config");
        assertThat(single).contains("DATASOURCES_DEFAULT_URL: jdbc:mariadb://mariadb:3306/noc")
                .contains("restart: unless-stopped").contains("NOC_NOTIFY_PUBLIC_URL");
    }

    @Test
    void theClusterProfileAddsKafkaTwoEnginesAndACollector() throws Exception {
        String cluster = compose("--profile", "cluster", "config");
        assertThat(compose("--profile", "cluster", "config", "--services").lines().toList())
                .contains("mariadb", "correlator", "kafka", "engine-1", "engine-2", "collector");
        assertThat(cluster.split("NOC_ROLE: engine", -1)).hasSize(3);
        assertThat(cluster).contains("NOC_ROLE: collector").contains("NOC_CLUSTER_KAFKA_BOOTSTRAP_SERVERS: kafka:9092")
                .contains("KAFKA_PROCESS_ROLES: broker,controller")
                .contains("DATASOURCES_DEFAULT_URL: jdbc:mariadb://mariadb:3306/noc_cluster");
        assertThat(cluster.split("restart: unless-stopped", -1)).hasSize(7); // six services
    }
}
