package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on a free port of 127.0.0.1 that accepts connections and never says a word: a client
 * waiting for a greeting (SMTP) waits until its own timeout, and a server told to listen on the same
 * port cannot. It holds the connections until closed.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "silent-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        try {
            while (true) {
                held.add(socket.accept());
            }
        } catch (IOException e) {
            // closed: the test is over
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections it has taken so far. */
    public int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        acceptor.join(5_000); // so that no connection is taken after those closed below
        for (Socket connection : held) {
            connection.close();
        }
    }
}
