package noc.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import noc.security.Directory;
import noc.security.User;

/**
 * The language of a page: the one its controller chose (the request attribute {@link #CHOSEN}, as
 * the {@code /respond} pages do for a recipient whose language the inventory gives), else the
 * signed-in person's own choice (their setting, {@code /settings}), else the first of French and
 * English that the browser asks for ({@code Accept-Language}), else {@code noc.locale} ({@code fr} or
 * {@code en}, French by default: the provider is French). The pages' texts are in
 * {@code i18n/messages_fr} and {@code messages_en}.
 *
 * <p>The person's setting is read from the {@link Directory}, the users already held in memory to
 * check every request's token: no query per page, and a change made on this instance is there at the
 * next page (the directory is read again on each change; another instance's change within
 * {@code noc.security.directory-refresh}). Carrying it in the session's JWT instead would keep the old
 * language until the next sign-in.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class ConsoleLocaleResolver implements HttpLocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    /** The request attribute, a {@link Locale}, by which a controller sets its page's language. */
    public static final String CHOSEN = "noc.console.locale";

    private final Locale fallback;
    private final Directory directory;

    public ConsoleLocaleResolver(@Value("${noc.locale:fr}") String locale, Directory directory) {
        this.directory = directory;
        this.fallback = SUPPORTED.stream().filter(supported -> supported.getLanguage().equals(locale)).findFirst()
                .orElseThrow(() -> new IllegalStateException("noc.locale must be fr or en, not '" + locale + "'"));
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        Optional<Locale> chosen = request.getAttribute(CHOSEN, Locale.class);
        if (chosen.isPresent()) {
            return chosen;
        }
        return own(request).or(() -> request.getHeaders().findFirst("Accept-Language")
                .flatMap(ConsoleLocaleResolver::chosen));
    }

    /** The signed-in person's language setting, when they chose one. */
    private Optional<Locale> own(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).flatMap(caller -> directory.user(caller.getName()))
                .map(User::language).flatMap(language -> SUPPORTED.stream()
                        .filter(supported -> supported.getLanguage().equals(language)).findFirst());
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return resolve(request).orElse(fallback);
    }

    static Optional<Locale> chosen(String acceptLanguage) {
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
