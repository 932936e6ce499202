package noc.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import noc.notify.NotifyConfiguration;
import noc.security.Accounts;
import noc.security.Directory;
import noc.security.Role;
import noc.security.User;

/**
 * What every console page's model has besides its own: {@code nav}, the top bar's links that the
 * signed-in person's roles open (the current one marked), and {@code times}, which writes an instant
 * as a {@code <time>} element's text and attribute (layout's fragment {@code at}). The page's script
 * then shows each {@code <time>} in the viewer's time zone; without script it stays in the zone the
 * signed-in person chose, else in {@code noc.notify.time-zone}. And {@code timeZone}, that chosen zone
 * (null when the browser's applies), which each page puts on its {@code <body data-time-zone>} for the
 * script. The person's setting comes from the in-memory {@link Directory}, as the page's language does.
 */
@Singleton
public class ConsoleModel implements ViewModelProcessor<Map<String, Object>> {

    /** A link of the top bar: where it goes, its text's key, the role that opens it and the paths it covers. */
    record Section(String path, String label, String role) {

        boolean covers(String requested) {
            return path.equals("/") ? requested.equals("/") : requested.equals(path) || requested.startsWith(path + "/");
        }
    }

    /** A link as the layout shows it. */
    public record Link(String path, String label, boolean current) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("/", "nav.board", Role.VIEWER_NAME),
            new Section("/tickets", "nav.tickets", Role.VIEWER_NAME),
            new Section("/maintenance", "nav.maintenance", Role.VIEWER_NAME),
            new Section("/inventory", "nav.inventory", Role.VIEWER_NAME),
            new Section("/rules", "nav.rules", Role.RULES_NAME),
            new Section("/admin", "nav.admin", Role.ADMIN_NAME),
            new Section("/portal", "nav.portal", Role.CUSTOMER_NAME));

    private final Times times;
    private final Directory directory;

    public ConsoleModel(NotifyConfiguration notify, Directory directory) {
        this.times = new Times(notify.times());
        this.directory = directory;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        Map<String, Object> model = view.getModel().orElse(null);
        if (model == null) {
            return;
        }
        Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
        String timeZone = caller.flatMap(signedIn -> directory.user(signedIn.getName())).map(User::timeZone)
                .filter(Accounts::isZone).orElse(null);
        model.putIfAbsent("timeZone", timeZone);
        model.putIfAbsent("times", timeZone == null ? times : times.in(ZoneId.of(timeZone)));
        model.putIfAbsent("nav", caller.map(signedIn -> links(Set.copyOf(signedIn.getRoles()), request.getPath()))
                .orElse(List.of()));
        model.putIfAbsent("onSettings", "/settings".equals(request.getPath()));
    }

    static List<Link> links(Set<String> roles, String requested) {
        List<Link> links = new ArrayList<>();
        for (Section section : SECTIONS) {
            if (roles.contains(section.role())) {
                links.add(new Link(section.path(), section.label(), section.covers(requested)));
            }
        }
        return links;
    }

    /** Instants as the console writes them: the text in {@code noc.notify.time-zone}, the attribute in ISO-8601 UTC. */
    public record Times(DateTimeFormatter format) {

        public String text(@Nullable Instant at) {
            return at == null ? "" : format.format(at);
        }

        public String iso(@Nullable Instant at) {
            return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
        }

        /** The same, the text in {@code zone}. */
        public Times in(ZoneId zone) {
            return new Times(format.withZone(zone));
        }
    }
}
