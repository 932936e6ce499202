package noc.configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import noc.cluster.ClusterConfiguration;
import noc.cluster.CollectorConfiguration;
import noc.cluster.Role;
import noc.database.EmbeddedDatabaseInUse;
import noc.engine.RulesConfiguration;
import noc.ingest.mib.MibConfiguration;
import noc.ingest.snmp.SnmpConfiguration;
import noc.notify.EmailConfiguration;
import noc.notify.NotifyConfiguration;

/**
 * Logs, as the application starts, the settings it runs on: where alarms come in, which database,
 * who is emailed through which server, which webhooks are called, its role and its security, and
 * every folder it reads as an absolute path (a collector's lines say what it has not). Whoever reads
 * the log then sees whether a configuration file or variable took effect without asking the API.
 * Secrets are never written (see {@link Masked}).
 */
@Context
public class EffectiveSettings {

    private static final Logger LOG = LoggerFactory.getLogger(EffectiveSettings.class);

    private final List<String> lines;

    /**
     * Email, notifications and rules are null in a collector, which has none of them (nor a database):
     * its lines say so.
     */
    public EffectiveSettings(Environment environment, SnmpConfiguration snmp, @Nullable EmailConfiguration email,
                             @Nullable NotifyConfiguration notify, @Nullable RulesConfiguration rules,
                             MibConfiguration mibs, ClusterConfiguration cluster,
                             CollectorConfiguration collector, @Nullable EmbeddedDatabaseInUse embedded) {
        String folders = "folders (a relative one is taken from the working directory " + Path.of("").toAbsolutePath()
                + "): ";
        if (cluster.nodeRole() == Role.COLLECTOR || email == null || notify == null || rules == null) {
            lines = List.of(
                    "intake: " + intake(environment, snmp),
                    "database: none (a collector owns no database)",
                    "email: none (a collector sends no notification)",
                    "webhooks: none (a collector sends no notification)",
                    "cluster: " + collectorCluster(cluster, collector),
                    "security: API tokens from the directory topic " + cluster.directoryTopic()
                            + ", no logins (people log in on the nodes that own the database), "
                            + tls(environment),
                    folders + "MIBs " + mibFolders(mibs));
        } else {
            lines = List.of(
                    "intake: " + intake(environment, snmp),
                    "database: " + database(environment, embedded),
                    "email: " + email(email, notify),
                    "webhooks: " + webhooks(notify),
                    "cluster: " + cluster(cluster),
                    "security: " + security(environment, notify),
                    folders + folders(rules, mibs, notify, embedded));
        }
        lines.forEach(line -> LOG.info("Settings in effect, {}", line));
    }

    /** What was logged, one line per part. */
    public List<String> lines() {
        return lines;
    }

    private static String intake(Environment environment, SnmpConfiguration snmp) {
        int httpPort = environment.getProperty("micronaut.server.port", Integer.class).orElse(8080);
        String http = "HTTP on " + environment.getProperty("micronaut.server.host", String.class).orElse("(any address)")
                + ":" + (httpPort < 0 ? "(a free port)" : httpPort);
        if (!snmp.enabled()) {
            return "SNMP off (noc.snmp.enabled: false); " + http;
        }
        int users = environment.getProperty("noc.snmp.usm-users", List.class).map(List::size).orElse(0);
        return "SNMP on UDP " + snmp.bindAddress() + ":" + (snmp.port() == 0 ? "(a free port)" : snmp.port())
                + ", communities: " + (snmp.communities().isEmpty() ? "any" : snmp.communities().size() + " (not shown)")
                + ", sources: " + (snmp.allowedSources().isEmpty() ? "any" : String.join(" ", snmp.allowedSources()))
                + ", SNMPv3 users: " + users
                + ", rate limit: " + (snmp.rateLimit() == 0 ? "off" : snmp.rateLimit() + "/s per source") + "; " + http;
    }

    private static String database(Environment environment, @Nullable EmbeddedDatabaseInUse embedded) {
        String url = environment.getProperty("datasources.default.url", String.class).map(Masked::jdbcUrl)
                .orElse("(no datasources.default.url)");
        if (embedded != null) {
            return "embedded MariaDB, its data in " + embedded.directory() + ", on " + url;
        }
        String user = environment.getProperty("datasources.default.username", String.class).orElse("");
        return "MariaDB server " + url + (user.isEmpty() ? "" : ", user " + user) + ", password "
                + Masked.secret(environment.getProperty("datasources.default.password", String.class).orElse(""));
    }

    private static String email(EmailConfiguration email, NotifyConfiguration notify) {
        if (!email.enabled()) {
            return "off (no noc.notify.email.host)";
        }
        return "SMTP " + email.host() + ":" + email.port() + (email.starttls() ? " with STARTTLS" : " without STARTTLS")
                + ", from " + email.from()
                + (email.username().isEmpty() ? ", no authentication"
                        : ", user " + email.username() + ", password " + Masked.secret(email.password()))
                + "; links in emails start with " + notify.publicUrl();
    }

    private static String webhooks(NotifyConfiguration notify) {
        if (notify.webhooks().isEmpty()) {
            return "none";
        }
        return notify.webhooks().size() + ": "
                + notify.webhooks().stream().map(Masked::webhook).collect(Collectors.joining(", "));
    }

    private static String cluster(ClusterConfiguration cluster) {
        String role = switch (cluster.nodeRole()) {
            case ALL -> "this one process receives, correlates and notifies";
            case ENGINE -> "consumes the inputs topic and correlates, one session per partition it is assigned";
            case COLLECTOR -> "receives and publishes to Kafka, without a database";
        };
        return "role=" + cluster.role() + " (" + role + "); Kafka, for the collector and engine roles: "
                + kafka(cluster);
    }

    private static String collectorCluster(ClusterConfiguration cluster, CollectorConfiguration collector) {
        return "role=" + cluster.role() + " (receives alarms and publishes them to Kafka, keyed by correlation "
                + "domain); Kafka: " + kafka(cluster) + ", directory topic " + cluster.directoryTopic() + ", buffer "
                + collector.bufferMemory() + " bytes, delivery timeout " + collector.deliveryTimeout()
                + ", start timeout " + collector.startTimeout();
    }

    private static String kafka(ClusterConfiguration cluster) {
        // client settings by name only: sasl.jaas.config and the store passwords are secrets
        String client = cluster.kafkaProperties().isEmpty() ? ""
                : "client settings " + String.join(", ", cluster.kafkaProperties().keySet()) + " (values not shown), ";
        return client + "brokers " + (cluster.servers().isEmpty() ? "(none)" : String.join(",", cluster.servers()))
                + ", topic " + cluster.topic() + ", " + cluster.partitions() + " partitions, replication factor "
                + cluster.replicationFactor() + ", engines' group " + cluster.group() + ", session timeout "
                + cluster.sessionTimeout().toMillis() + " ms, command timeout " + cluster.commandTimeout().toMillis()
                + " ms";
    }

    private static String security(Environment environment, NotifyConfiguration notify) {
        List<String> parts = new ArrayList<>();
        parts.add(environment.containsProperties("micronaut.security.oauth2")
                ? "OpenID Connect: micronaut.security.oauth2 is set but this build has no OpenID Connect client, "
                        + "people log in with the passwords kept here"
                : "OpenID Connect off, people log in with the passwords kept here");
        parts.add(tls(environment));
        parts.add("console cookies Secure: "
                + environment.getProperty("noc.console.secure-cookie", Boolean.class).orElse(false));
        parts.add("login tokens last " + environment.getProperty(
                "micronaut.security.token.generator.access-token.expiration", String.class).orElse("3600") + " s");
        parts.add("email link key: " + (notify.linkSecret().isEmpty() ? "kept in the database" : "configured"));
        return String.join(", ", parts);
    }

    private static String tls(Environment environment) {
        if (environment.getProperty("micronaut.server.ssl.enabled", Boolean.class).orElse(false)) {
            return "TLS on, port " + environment.getProperty("micronaut.server.ssl.port", String.class).orElse("8443")
                    + ", key store " + environment.getProperty("micronaut.server.ssl.key-store.path", String.class)
                            .orElse("(none)");
        }
        return "TLS off (plain HTTP: across a network, put a TLS proxy in front)";
    }

    private static String mibFolders(MibConfiguration mibs) {
        return mibs.directories().isEmpty() ? "(none)"
                : mibs.directories().stream().map(EffectiveSettings::folder).collect(Collectors.joining(", "));
    }

    private static String folders(RulesConfiguration rules, MibConfiguration mibs, NotifyConfiguration notify,
                                  @Nullable EmbeddedDatabaseInUse embedded) {
        List<String> parts = new ArrayList<>();
        parts.add("rules " + folder(rules.directory()));
        parts.add("MIBs " + mibFolders(mibs));
        parts.add("templates " + folder(notify.templates()));
        if (embedded != null) {
            parts.add("embedded database " + embedded.directory());
        }
        return String.join(", ", parts);
    }

    private static String folder(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return Files.isDirectory(absolute) ? absolute.toString() : absolute + " (missing)";
    }
}
