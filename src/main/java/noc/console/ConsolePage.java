package noc.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the console, whose routes a browser calls: only these read the session
 * cookie ({@link SessionCookieReader}), and an anonymous visit to one of them is sent to the sign-in
 * form ({@link SigninRedirect}). The API's routes never carry it, so they stay bearer-only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsolePage {
}
