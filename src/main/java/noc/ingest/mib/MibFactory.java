package noc.ingest.mib;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class MibFactory {

    @Singleton
    MibRegistry mibRegistry(MibConfiguration configuration) {
        return MibRegistry.load(configuration.directories());
    }
}
