package noc.security;

import java.util.Optional;

import io.micronaut.security.authentication.Authentication;


/** What a request's principal is bound to. */
public final class Callers {

    private Callers() {
    }

    /**
     * The inventory customer a customer principal is bound to; empty for staff. A customer principal
     * without one (which login never makes) is bound to a name no customer has.
     */
    public static Optional<String> customer(Authentication caller) {
        if (caller == null || !caller.getRoles().contains(Role.CUSTOMER_NAME)) {
            return Optional.empty();
        }
        Object bound = caller.getAttributes().get(LoginProvider.CUSTOMER_CLAIM);
        return Optional.of(bound == null ? "\u0000unbound" : bound.toString());
    }
}
