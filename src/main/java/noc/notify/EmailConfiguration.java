package noc.notify;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import noc.configuration.Masked;

/**
 * The email channel ({@code noc.notify.email.*}): off until an SMTP host is set.
 *
 * @param host     the SMTP server; empty: no email is planned
 * @param port     its port
 * @param username for SMTP authentication, empty for none
 * @param password for SMTP authentication
 * @param starttls whether to require STARTTLS
 * @param from     the sender address
 * @param timeout  connection and read timeout
 */
@ConfigurationProperties("noc.notify.email")
public record EmailConfiguration(
        @Bindable(defaultValue = "") @NotNull String host,
        @Bindable(defaultValue = "25") int port,
        @Bindable(defaultValue = "") @NotNull String username,
        @Bindable(defaultValue = "") @NotNull String password,
        @Bindable(defaultValue = "false") boolean starttls,
        @Bindable(defaultValue = "noc@localhost") @NotNull String from,
        @Bindable(defaultValue = "10s") @NotNull Duration timeout) {

    public boolean enabled() {
        return !host.isBlank();
    }

    /** Without the password: a record prints every field, and this one may reach a log. */
    @Override
    public String toString() {
        return "EmailConfiguration[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + Masked.secret(password) + ", starttls=" + starttls + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
