package noc.console;

import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import noc.security.Callers;
import noc.security.Role;

/** The customer portal, where a customer user lands; its content (tickets, declarations) is yet to come. */
@Controller
@ConsolePage
@Secured(Role.CUSTOMER_NAME)
public class PortalController {

    static final String PORTAL = "/portal";

    private final Csrf csrf;

    public PortalController(Csrf csrf) {
        this.csrf = csrf;
    }

    @Get(uri = PORTAL, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> portal(HttpRequest<?> request, Authentication caller) {
        MutableHttpResponse<Object> response = HttpResponse.ok();
        return response.body(new ModelAndView<>("portal", Map.of("user", caller.getName(),
                "customer", Callers.customer(caller).orElse(""), "csrfToken", csrf.token(request, response))));
    }
}
