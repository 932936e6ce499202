package noc.ingest.mib;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import noc.security.Role;

/** What MIBs are loaded, and what failed to parse (file, line, message). */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/mibs")
public class MibController {

    private final MibRegistry registry;

    public MibController(MibRegistry registry) {
        this.registry = registry;
    }

    @Get
    public MibStatus status() {
        return new MibStatus(registry.fileCount(), registry.moduleCount(), registry.modules(), registry.problems());
    }

    @Serdeable
    public record MibStatus(int files, int moduleCount, List<String> modules, List<MibProblem> problems) {
    }
}
