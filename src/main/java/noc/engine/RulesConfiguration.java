package noc.engine;

import java.nio.file.Path;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * Where the rules are and how changes to them are picked up ({@code noc.rules.*}).
 *
 * @param directory  the folder whose {@code *.drl} files make the rule base, loaded in name order
 * @param watch      whether a change in the folder is compiled and, if good, deployed while running
 * @param watchDelay how long the folder must stay quiet before a change is compiled, so that an
 *                   editor's several writes make one build
 */
@ConfigurationProperties("noc.rules")
public record RulesConfiguration(
        @Bindable(defaultValue = "rules") @NotNull Path directory,
        @Bindable(defaultValue = "true") boolean watch,
        @Bindable(defaultValue = "500ms") @NotNull Duration watchDelay) {
}
