package noc.security;

import java.util.Locale;

import noc.api.Problem;

/**
 * A check that a user or a token fails past its body's constraints: the field it names and the API's
 * English words for it. The console knows which check failed (not the API's sentence) and words it in
 * the page's language, under {@link #key()}.
 */
public enum AccountCheck {
    USERNAME_FORMAT("username", "must be 1 to 64 letters, digits or . _ @ -"),
    PASSWORD_REQUIRED("password", "is required for a new user"),
    CUSTOMER_ROLE_ALONE("roles", "a customer user has the customer role only"),
    CUSTOMER_REQUIRED("customer", "is required for the customer role: the name of an inventory customer"),
    CUSTOMER_UNKNOWN("customer", "is not a customer of the inventory"),
    CUSTOMER_WITHOUT_ROLE("customer", "is only for a user with the customer role"),
    USERNAME_OF_TOKEN("username", "is already the name of an API token"),
    LANGUAGE_UNKNOWN("language", "must be fr, en or " + Accounts.BROWSER),
    TIME_ZONE_UNKNOWN("timeZone", "is not an IANA time zone (such as Europe/Paris) nor " + Accounts.BROWSER),
    TOKEN_NAME_OF_USER("name", "is already the name of a user");

    private final String field;
    private final String message;

    AccountCheck(String field, String message) {
        this.field = field;
        this.message = message;
    }

    /** The body's field, and the form's. */
    public String field() {
        return field;
    }

    /** As the API says it. */
    public Problem.FieldError error() {
        return new Problem.FieldError(field, message);
    }

    /** The console's message key: {@code admin.check.customer-unknown}. */
    public String key() {
        return "admin.check." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
