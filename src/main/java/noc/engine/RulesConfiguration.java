package noc.engine;

import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * Where the rules are ({@code noc.rules.*}).
 *
 * @param directory the folder whose {@code *.drl} files make the rule base, loaded in name order
 */
@ConfigurationProperties("noc.rules")
public record RulesConfiguration(@Bindable(defaultValue = "rules") @NotNull Path directory) {
}
