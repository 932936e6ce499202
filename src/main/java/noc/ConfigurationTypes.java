package noc;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;

/**
 * Refuses to start when a key of the correlator's configuration holds a value of the wrong type
 * ({@code noc.policy.storm-window: soon}): Micronaut would bind the default in silence, and the
 * service would run on a figure nobody configured. Checks the scalar fields (durations, numbers,
 * flags) of every {@code @ConfigurationProperties} record of the {@code noc} packages.
 */
@Context
public class ConfigurationTypes {

    private static final Map<Class<?>, Class<?>> BOXED = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, double.class, Double.class);

    public ConfigurationTypes(BeanContext context, Environment environment) {
        check(context, environment);
    }

    /** Throws naming every key whose value is not of its field's type (also for scenarios' configuration). */
    public static void check(BeanContext context, Environment environment) {
        List<String> wrong = new ArrayList<>();
        for (BeanDefinition<?> definition : context.getBeanDefinitions(
                Qualifiers.byStereotype(ConfigurationProperties.class))) {
            Class<?> type = definition.getBeanType();
            if (!type.isRecord() || !type.getPackageName().startsWith("noc")) {
                continue;
            }
            String prefix = definition.stringValue(ConfigurationProperties.class).orElse(null);
            if (prefix == null) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            java.lang.reflect.Parameter[] parameters = canonical(type, components).getParameters();
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                Class<?> field = BOXED.getOrDefault(component.getType(), component.getType());
                if (field != Duration.class && !Number.class.isAssignableFrom(field) && field != Boolean.class
                        || parameters[i].isAnnotationPresent(ReadableBytes.class)) {
                    continue; // a size ("4MB") converts in its field's context only
                }
                String key = prefix + "." + kebab(component.getName());
                if (environment.containsProperty(key) && environment.getProperty(key, field).isEmpty()) {
                    wrong.add(key + " must be " + (field == Duration.class ? "a duration such as 4h, 30m or 1d"
                            : field == Boolean.class ? "true or false" : "a number") + ", not '"
                            + environment.getProperty(key, String.class).orElse("") + "'");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("Configuration of the wrong type: " + String.join("; ", wrong));
        }
    }

    private static java.lang.reflect.Constructor<?> canonical(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
    }

    /** {@code stormQuietPeriod} as its key says it: {@code storm-quiet-period}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
