package noc.console;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import noc.security.Role;

/**
 * A console page whose template fails (src/test/resources/views/broken.html), for the test that a
 * rendering error is answered at once. Only in an application started with {@code test.broken-view}.
 */
@Controller
@ConsolePage
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "test.broken-view", value = "true")
public class BrokenViewController {

    @Get(uri = "/test/broken", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> broken() {
        Map<String, Object> model = new HashMap<>(); // ConsoleModel adds to it
        model.put("user", "nobody");
        return new ModelAndView<>("broken", model);
    }
}
