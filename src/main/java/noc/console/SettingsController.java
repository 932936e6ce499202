package noc.console;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.security.Accounts;
import noc.security.Directory;
import noc.security.Role;
import noc.security.User;

/**
 * A person's own settings ({@code /settings}, staff and customers alike): the console's language and
 * the time zone its dates are shown in, each "as my browser says" until chosen. Saved on the user
 * ({@link Accounts#saveSettings}); they apply from the next page on and end no session.
 */
@Controller
@ConsolePage
@Hidden
@Secured({Role.VIEWER_NAME, Role.CUSTOMER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SettingsController {

    static final String SETTINGS = "/settings";
    /**
     * The zones offered: by region and city, as people name them (no {@code Etc/GMT+3}, no old aliases);
     * read once.
     */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private final Accounts accounts;
    private final Directory directory;
    private final Csrf csrf;

    public SettingsController(Accounts accounts, Directory directory, Csrf csrf) {
        this.accounts = accounts;
        this.directory = directory;
        this.csrf = csrf;
    }

    /** What the form posts: {@code browser} (or blank) for "as my browser says". */
    @Introspected
    @Serdeable
    public record SettingsForm(@Nullable String csrfToken, @Nullable String language, @Nullable String timeZone) {
    }

    @Get(uri = SETTINGS, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String saved) {
        User user = directory.user(caller.getName()).orElse(null);
        SettingsForm form = new SettingsForm(null, user == null || user.language() == null ? Accounts.BROWSER
                : user.language(), user == null || user.timeZone() == null ? Accounts.BROWSER : user.timeZone());
        return page(request, caller, HttpResponse.ok(), form, Map.of(), saved != null, false);
    }

    @Post(uri = SETTINGS, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication caller, @Body SettingsForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), form, Map.of(), false, true);
        }
        try {
            accounts.saveSettings(caller.getName(), form.language(), form.timeZone());
        } catch (ProblemException refused) {
            if (refused.status() != HttpStatus.BAD_REQUEST) {
                throw refused;
            }
            Map<String, String> errors = new HashMap<>();
            for (Problem.FieldError error : refused.errors()) {
                errors.put(error.field(), "settings.invalid." + error.field());
            }
            return page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), form, errors, false, false);
        }
        return HttpResponse.seeOther(URI.create(SETTINGS + "?saved=1"));
    }

    /**
     * The zones the form offers: {@link #ZONES}, and first the person's own when it is another the JDK
     * knows (UTC, Etc/GMT+3, set through the API), so that saving the form keeps it.
     */
    static List<String> zones(@Nullable String chosen) {
        if (chosen == null || ZONES.contains(chosen) || !Accounts.isZone(chosen)) {
            return ZONES;
        }
        List<String> zones = new ArrayList<>(ZONES.size() + 1);
        zones.add(chosen);
        zones.addAll(ZONES);
        return zones;
    }

    private MutableHttpResponse<Object> page(HttpRequest<?> request, Authentication caller,
                                             MutableHttpResponse<Object> response, SettingsForm form,
                                             Map<String, String> errors, boolean saved, boolean expired) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("expired", expired);
        model.put("languages", Accounts.LANGUAGES);
        model.put("zones", zones(form.timeZone()));
        return response.body(new ModelAndView<>("settings", model));
    }
}
