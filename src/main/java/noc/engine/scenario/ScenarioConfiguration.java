package noc.engine.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import noc.engine.Policy;
import noc.engine.Retention;
import noc.ticket.SlaPolicy;
import noc.ticket.SlaPolicyFactory;

/**
 * The configured values a scenario runs on ({@code noc.sla.*}, {@code noc.escalation.*},
 * {@code noc.closure.*}, {@code noc.policy.*}, {@code noc.retention.*}), bound by Micronaut from the
 * built-in {@code application.yml}, then the {@code --config} file, then the scenario's
 * {@code given.config}, each over the one before. Binding goes through the service's own
 * configuration classes in a context that holds only them, so that a key the service learns works in
 * scenarios at once, and nothing else (HTTP server, database, engine) is started.
 */
public final class ScenarioConfiguration {

    /** Over the built-in configuration and system properties. */
    private static final int FILE_ORDER = 1_000;
    private static final int GIVEN_ORDER = 2_000;

    private final PropertySource file;
    private final Map<Map<String, Object>, Values> bound = new HashMap<>();

    /** What the rules read from configuration: the {@code Policy} and {@code SlaPolicy} facts, the retention. */
    public record Values(Policy policy, SlaPolicy sla, Retention retention) {
    }

    private ScenarioConfiguration(PropertySource file) {
        this.file = file;
    }

    /** The built-in configuration, as the service has it with no file of its own. */
    public static ScenarioConfiguration builtIn() {
        return new ScenarioConfiguration(null);
    }

    /** The built-in configuration under a service configuration file ({@code --config application.yml}). */
    public static ScenarioConfiguration withFile(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
            throw new ScenarioException("--config " + path + ": a YAML file (.yml, .yaml) is expected");
        }
        Map<String, Object> properties;
        try (InputStream input = Files.newInputStream(path)) {
            properties = new YamlPropertySourceLoader().read(name, input);
        } catch (RuntimeException e) {
            throw new ScenarioException("--config " + path + ": not valid YAML: " + e.getMessage());
        }
        return new ScenarioConfiguration(PropertySource.of(path.toString(), properties, FILE_ORDER));
    }

    /**
     * The values with {@code given} ({@code noc.policy.major-incident-customers: 1}, nested or
     * dotted) over the configuration; a value that does not bind fails with its key.
     */
    public synchronized Values bind(Map<String, Object> given) {
        Map<String, Object> key = new LinkedHashMap<>(given);
        Values values = bound.get(key);
        if (values == null) {
            values = start(key);
            bound.put(key, values);
        }
        return values;
    }

    private Values start(Map<String, Object> given) {
        ApplicationContextConfiguration configuration = (ApplicationContextConfiguration) ApplicationContext.builder()
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .banner(false);
        try (ApplicationContext context = new ConfigurationOnly(configuration)) {
            if (file != null) {
                context.getEnvironment().addPropertySource(file);
            }
            context.getEnvironment().addPropertySource(PropertySource.of("given.config", given, GIVEN_ORDER));
            context.start();
            noc.ConfigurationTypes.check(context, context.getEnvironment());
            return new Values(context.getBean(Policy.class), context.getBean(SlaPolicy.class),
                    context.getBean(Retention.class));
        } catch (RuntimeException e) {
            throw new ScenarioException("the configuration does not bind: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        // Micronaut's message ends with the injection path, which says nothing to a scenario's author.
        String message = String.valueOf(cause.getMessage());
        int path = message.indexOf("Path Taken");
        return (path < 0 ? message : message.substring(0, path)).replaceAll("\\s+", " ").strip();
    }

    /**
     * A Micronaut context whose beans are the correlator's configuration classes (and Micronaut's
     * validator, which checks their constraints): no bean that listens, serves or connects.
     */
    private static final class ConfigurationOnly extends DefaultApplicationContext {

        private static final List<String> FACTORIES = List.of(SlaPolicyFactory.class.getName(),
                SlaPolicy.class.getName());
        /** The context's own plumbing (events, resources) and the validator. */
        private static final List<String> FRAMEWORK = List.of("io.micronaut.context.", "io.micronaut.core.",
                "io.micronaut.validation.validator.");

        ConfigurationOnly(ApplicationContextConfiguration configuration) {
            super(configuration);
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
            return super.resolveBeanDefinitionReferences().stream().filter(ConfigurationOnly::kept).toList();
        }

        @SuppressWarnings("rawtypes")
        private static boolean kept(BeanDefinitionReference reference) {
            String type = reference.getName();
            // A bean the correlator's code declares (a factory method's too, whatever type it makes) is
            // kept only when it is configuration.
            if (reference.getBeanDefinitionName().startsWith("noc.")) {
                return reference.isConfigurationProperties() || FACTORIES.contains(type);
            }
            return FRAMEWORK.stream().anyMatch(type::startsWith);
        }
    }
}
