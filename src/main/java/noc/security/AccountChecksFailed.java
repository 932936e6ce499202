package noc.security;

import java.util.List;

import io.micronaut.http.HttpStatus;
import noc.api.ProblemException;

/**
 * A 400 naming each {@link AccountCheck} that failed: the API answers it as any invalid request (the
 * checks' English words by field); the console words each check in the page's language.
 */
public class AccountChecksFailed extends ProblemException {

    private final List<AccountCheck> failed;

    public AccountChecksFailed(String detail, List<AccountCheck> failed) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", detail, failed.stream().map(AccountCheck::error).toList());
        this.failed = List.copyOf(failed);
    }

    public List<AccountCheck> failed() {
        return failed;
    }
}
