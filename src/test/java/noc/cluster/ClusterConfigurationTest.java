package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterConfigurationTest {

    private static ClusterConfiguration of(String role, String bootstrapServers) {
        return new ClusterConfiguration(role, bootstrapServers, "noc-inputs", 12, 1, "noc-engines",
                java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10), null);
    }

    @ParameterizedTest
    @CsvSource({"all, ALL", "ALL, ALL", "' all ', ALL", "collector, COLLECTOR", "Engine, ENGINE"})
    void aRoleIsReadInAnyCase(String key, Role role) {
        assertThat(Role.of(key)).isEqualTo(role);
    }

    @ParameterizedTest
    @CsvSource({"''", "both", "collectors", "standby"})
    void anUnknownRoleIsRefusedNamingTheRoles(String key) {
        assertThatThrownBy(() -> of(key, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noc.role must be all, collector, engine, not '" + key + "'");
    }

    @Test
    void roleAllNeedsNoBrokersAndKeepsThoseItIsGiven() {
        assertThat(of("all", "").servers()).isEmpty();
        ClusterConfiguration configured = of("ALL", " kafka-1:9092, kafka-2:9092 ,[2001:db8::1]:9092");
        assertThat(configured.nodeRole()).isEqualTo(Role.ALL);
        assertThat(configured.role()).isEqualTo("all");
        assertThat(configured.servers()).containsExactly("kafka-1:9092", "kafka-2:9092", "[2001:db8::1]:9092");
    }

    @ParameterizedTest
    @CsvSource({"collector", "engine"})
    void aCollectorOrAnEngineWithoutBrokersIsRefusedNamingTheKey(String role) {
        assertThatThrownBy(() -> of(role, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noc.role " + role + " needs noc.cluster.kafka.bootstrap-servers: "
                        + "the Kafka brokers as host:port, comma-separated");
    }

    @Test
    void anEngineWithBrokersStarts() {
        assertThat(of("Engine", "127.0.0.1:9092").nodeRole()).isEqualTo(Role.ENGINE);
    }

    @Test
    void aCollectorWithBrokersStarts() {
        ClusterConfiguration collector = of("Collector", "kafka-1:9092");
        assertThat(collector.nodeRole()).isEqualTo(Role.COLLECTOR);
        assertThat(collector.role()).isEqualTo("collector");
        assertThat(collector.directoryTopic()).isEqualTo("noc-inputs-directory");
    }

    @Test
    void aCollectorRunsWithoutDatabaseOrLoginsWhateverItsConfigurationSays() {
        assertThat(Role.COLLECTOR.impliedSettings()).containsOnly(Map.entry("datasources.default.enabled", false),
                Map.entry("flyway.datasources.default.enabled", false),
                Map.entry("micronaut.security.token.jwt.enabled", false),
                Map.entry("micronaut.security.endpoints.login.enabled", false),
                Map.entry("micronaut.router.static-resources.swagger-ui.enabled", false),
                Map.entry("micronaut.router.static-resources.webjars.enabled", false),
                Map.entry("micronaut.router.static-resources.console.enabled", false));
        assertThat(Role.settingsImpliedBy(" COLLECTOR ")).isEqualTo(Role.COLLECTOR.impliedSettings());
    }

    @ParameterizedTest
    @CsvSource(value = {"all", "engine", "standby", "NULL"}, nullValues = "NULL")
    void theOtherRolesImplyNothingAndANameThatIsNoRoleIsLeftToTheStartToRefuse(String role) {
        assertThat(Role.settingsImpliedBy(role)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"kafka-1", "kafka-1:", "kafka-1:9092,", "kafka 1:9092", "kafka-1:port",
            "http://kafka-1:9092"})
    void brokersThatAreNotHostAndPortAreRefused(String servers) {
        assertThatThrownBy(() -> of("all", servers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noc.cluster.kafka.bootstrap-servers must be host:port, comma-separated, not '"
                        + servers + "'");
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "-PT1S", "PT5M0.001S"})
    void aCommandTimeoutOfNothingOrOverFiveMinutesIsRefusedNamingTheKey(java.time.Duration timeout) {
        assertThatThrownBy(() -> new ClusterConfiguration("engine", "127.0.0.1:9092", "noc-inputs", 12, 1,
                "noc-engines", java.time.Duration.ofSeconds(10), timeout, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("noc.cluster.command-timeout must be more than 0 and at most 5 minutes");
    }

    @Test
    void kafkaClientSettingsReachEveryClientButThoseTheCorrelatorDecides() {
        ClusterConfiguration secured = new ClusterConfiguration("engine", "kafka-1:9093", "noc-inputs", 12, 1,
                "noc-engines", java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10),
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
        java.util.Properties client = new java.util.Properties();
        client.put("client.id", "noc-engine-1");
        assertThat(secured.withClientProperties(client)).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("client.id", "noc-engine-1");
        assertThatThrownBy(() -> new ClusterConfiguration("engine", "kafka-1:9093", "noc-inputs", 12, 1,
                "noc-engines", java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10),
                Map.of("enable.auto.commit", "true"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noc.cluster.kafka.properties.enable.auto.commit is set by the correlator itself and "
                        + "cannot be overridden");
    }
}
