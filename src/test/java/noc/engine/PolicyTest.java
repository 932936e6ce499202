package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.micronaut.core.bind.annotation.Bindable;

/** The policy figures: one shipped value each, wherever it is written, and refused when meaningless. */
class PolicyTest {

    private static String key(RecordComponent component) {
        return component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shippedConfiguration() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (Map<String, Object>) ((Map<String, Object>) root.get("noc")).get("policy");
        }
    }

    private static Object parse(String text, Class<?> type) {
        return type == Duration.class ? Duration.parse("PT" + text.toUpperCase(Locale.ROOT)) : Integer.valueOf(text);
    }

    @Test
    void theDefaultsAreTheValuesOfApplicationYmlAndOfTheBindingDefaults() throws Exception {
        Map<String, Object> shipped = shippedConfiguration();
        Policy defaults = Policy.defaults();
        RecordComponent[] components = Policy.class.getRecordComponents();
        Parameter[] parameters = Policy.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object value = component.getAccessor().invoke(defaults);
            assertThat(shipped).as("application.yml noc.policy").containsKey(key(component));
            assertThat(parse(String.valueOf(shipped.get(key(component))), component.getType()))
                    .as("noc.policy.%s in application.yml", key(component)).isEqualTo(value);
            Bindable binding = parameters[i].getAnnotation(Bindable.class);
            String bindingDefault = binding == null ? null : binding.defaultValue();
            assertThat(bindingDefault).as("@Bindable default of %s", component.getName()).isNotNull();
            assertThat(parse(bindingDefault, component.getType())).as("@Bindable default of %s", component.getName())
                    .isEqualTo(value);
        }
        assertThat(shipped).hasSize(components.length);
    }

    @Test
    void aDurationThatIsNotPositiveIsRefusedNamingItsKey() {
        Policy shipped = Policy.defaults();
        assertThatThrownBy(() -> new Policy(shipped.majorIncidentCustomers(), shipped.serviceMergeWindow(),
                shipped.redundantAccessesDown(), shipped.stormCount(), shipped.stormWindow(), Duration.ofMinutes(-5),
                shipped.flappingCount(), shipped.flappingWindow(), shipped.flappingQuietPeriod(),
                shipped.autoResolveHoldDown()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noc.policy.storm-quiet-period");
    }
}
