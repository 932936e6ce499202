package noc.security;

import java.util.Map;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Accepts an API token sent as {@code Authorization: Bearer noc_...}; JWTs are left to Micronaut's validator. */
@Singleton
public class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    /** The attribute that tells a token from a person. */
    public static final String KIND = "kind";

    private final TokenDirectory directory;

    public ApiTokenValidator(TokenDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!token.startsWith(ApiTokens.PREFIX)) {
            return Publishers.empty();
        }
        return directory.useToken(ApiTokens.hash(token))
                .map(found -> Publishers.just(Authentication.build(found.name(), Role.granted(found.roles()),
                        Map.of(KIND, "api-token"))))
                .orElseGet(Publishers::empty);
    }
}
