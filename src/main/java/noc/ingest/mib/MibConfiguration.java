package noc.ingest.mib;

import java.nio.file.Path;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * Where MIB files are read from ({@code noc.mibs.*}), besides the IETF/IANA set bundled in the jar.
 *
 * @param directories folders whose files (sub-folders too) are loaded at startup
 */
@ConfigurationProperties("noc.mibs")
public record MibConfiguration(@Bindable(defaultValue = "mibs") @NotNull List<Path> directories) {
}
