package noc.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Configured values as they may appear in a log: what identifies them stays, what opens them is
 * replaced by {@value #MASK}. Passwords never appear; URLs lose their user information, and the
 * values of their parameters that may be secrets.
 */
public final class Masked {

    static final String MASK = "****";
    /** Parameter names that carry a secret in a JDBC URL (password, keyStorePassword, a token...). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|pwd|secret|token|key|credential|auth|sig).*");

    private Masked() {
    }

    /** A password, key or token: whether it is set, never what it is. */
    public static String secret(String value) {
        return value == null || value.isEmpty() ? "none" : MASK;
    }

    /**
     * A webhook URL: scheme, host and port stay; user information, the path (where Slack, Teams and
     * Discord put their key, ntfy its topic, Telegram its bot token) and every parameter's value are
     * masked, and a fragment is left out.
     */
    public static String webhook(String url) {
        return mask(url, true);
    }

    /** A JDBC URL: user information and the values of parameters named like a secret are masked. */
    public static String jdbcUrl(String url) {
        return mask(url, false);
    }

    private static String mask(String url, boolean webhook) {
        String rest = url;
        int fragment = rest.indexOf('#');
        if (fragment >= 0 && webhook) {
            rest = rest.substring(0, fragment);
        }
        String query = null;
        int queryStart = rest.indexOf('?');
        if (queryStart >= 0) {
            query = maskParameters(rest.substring(queryStart + 1), webhook);
            rest = rest.substring(0, queryStart);
        }
        int authorityStart = rest.indexOf("://");
        if (authorityStart < 0 && webhook) {
            return MASK + " (not a URL)";
        }
        if (authorityStart >= 0) {
            authorityStart += 3;
            int pathStart = rest.indexOf('/', authorityStart);
            String authority = rest.substring(authorityStart, pathStart < 0 ? rest.length() : pathStart);
            String path = pathStart < 0 ? "" : rest.substring(pathStart);
            int userEnd = authority.lastIndexOf('@');
            if (userEnd >= 0) {
                authority = MASK + authority.substring(userEnd);
            }
            rest = rest.substring(0, authorityStart) + authority + (webhook ? maskedPath(path) : path);
        }
        return query == null ? rest : rest + "?" + query;
    }

    /** A webhook's path, whole: Slack, Teams and Discord keep their key in it, ntfy its topic, Telegram its bot token. */
    private static String maskedPath(String path) {
        return path.isEmpty() || path.equals("/") ? path : "/" + MASK;
    }

    private static String maskParameters(String query, boolean all) {
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            boolean secret = all || SECRET_NAME.matcher(name).matches();
            parameters.add(!secret ? parameter : equals < 0 ? MASK : name + "=" + MASK);
        }
        return String.join("&", parameters);
    }
}
