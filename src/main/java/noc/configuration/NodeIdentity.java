package noc.configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The name of this process among those sharing one database ({@code noc.node-id}), written on the
 * rows it claims (the outbox's), so that people can tell which process sent what. By default the
 * host name and the process id, {@code noc-1:4242}.
 */
@Singleton
public final class NodeIdentity {

    /** The length of the columns it is written to. */
    private static final int LONGEST = 255;

    private final String id;

    public NodeIdentity(@Value("${noc.node-id:}") String configured) {
        String id = configured.isBlank() ? hostName() + ":" + ProcessHandle.current().pid() : configured.strip();
        if (id.length() > LONGEST || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("noc.node-id must be at most " + LONGEST
                    + " characters without control characters, not '" + id + "'");
        }
        this.id = id;
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "localhost";
            }
        }
        name = name.strip();
        return name.length() > LONGEST - 21 ? name.substring(0, LONGEST - 21) : name; // room for ":" and a pid
    }

    @Override
    public String toString() {
        return id;
    }
}
