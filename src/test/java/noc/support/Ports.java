package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for the things a test starts outside the application under test (a correlator process, its
 * embedded database) and for addresses where nothing listens (an unreachable webhook or SMTP server).
 */
public final class Ports {

    private Ports() {
    }

    /** A TCP port free on 127.0.0.1 at the time of asking: nothing listens on it until someone binds it. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
