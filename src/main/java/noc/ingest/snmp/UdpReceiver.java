package noc.ingest.snmp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.UdpTransportMapping;

/**
 * SNMP4J's UDP transport, with receiving apart from decoding. One thread only reads the socket:
 * it copies each datagram off the kernel's buffer into a bounded backlog and goes back to the
 * socket, so that a burst, a garbage collection or a cold JIT slows the decoding down without the
 * kernel dropping what it cannot buffer. Decoding (the listener's short path for plain v1 and v2c
 * traps, else SNMP4J's message dispatcher; then the listener's checks and the engine queue) runs on
 * {@code decoders} threads; a source's datagrams always go to the same one, so that one source's
 * traps keep their order.
 *
 * <p>The backlog is bounded in datagrams and in bytes; a datagram that finds it full is handed to
 * {@code overflow} (counted by the listener) and not decoded.
 */
final class UdpReceiver extends UdpTransportMapping {

    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    /** The largest UDP payload: a datagram is never cut. */
    private static final int MAX_DATAGRAM = 65_535;
    private static final Datagram STOP = new Datagram(null, new byte[0]);

    /** A datagram as read off the socket. */
    record Datagram(InetSocketAddress from, byte[] bytes) {
    }

    /** Handles a datagram without SNMP4J when it can ({@link PlainTrap}): true when it did. */
    interface ShortPath {
        boolean handled(InetSocketAddress from, byte[] bytes);

        ShortPath NONE = (from, bytes) -> false;
    }

    private final DatagramChannel channel;
    private final int backlogBytes;
    private final List<BlockingQueue<Datagram>> backlogs = new ArrayList<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Runnable overflow;
    private final ShortPath shortPath;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean listening;

    /**
     * @param backlogDatagrams the most datagrams read and not yet decoded, all decoders together
     * @param backlogBytes     the most bytes of them
     * @param overflow         told, on the reading thread, of each datagram the full backlog refused
     * @param shortPath        tried first on each datagram, on its decoding thread; SNMP4J decodes what it leaves
     */
    UdpReceiver(UdpAddress address, int receiveBuffer, int decoders, int backlogDatagrams, int backlogBytes,
                Runnable overflow, ShortPath shortPath) throws IOException {
        super(address);
        this.backlogBytes = backlogBytes;
        this.overflow = overflow;
        this.shortPath = shortPath;
        this.channel = DatagramChannel.open(address.getInetAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        if (receiveBuffer > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        }
        channel.bind(new InetSocketAddress(address.getInetAddress(), address.getPort()));
        udpAddress = new UdpAddress(address.getInetAddress(), ((InetSocketAddress) channel.getLocalAddress()).getPort());
        int each = Math.max(1, backlogDatagrams / decoders);
        for (int i = 0; i < decoders; i++) {
            backlogs.add(new ArrayBlockingQueue<>(each));
        }
    }

    /** The receive buffer the kernel granted (it caps what was asked at {@code net.core.rmem_max}). */
    int receiveBufferGranted() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** Datagrams read and not yet decoded. */
    int backlog() {
        int sum = 0;
        for (BlockingQueue<Datagram> backlog : backlogs) {
            sum += backlog.size();
        }
        return sum;
    }

    @Override
    public synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        for (int i = 0; i < backlogs.size(); i++) {
            BlockingQueue<Datagram> backlog = backlogs.get(i);
            threads.add(start(() -> decode(backlog), "snmp-decode-" + (i + 1)));
        }
        threads.add(start(this::receive, "snmp-receive"));
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The reading thread: socket to backlog, nothing else. */
    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (listening) {
            SocketAddress from;
            try {
                buffer.clear();
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (listening) {
                    LOG.warn("Reading the SNMP socket failed; reading on", e);
                }
                continue;
            }
            if (!(from instanceof InetSocketAddress sender)) {
                continue;
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            BlockingQueue<Datagram> backlog = backlogs.get(Math.floorMod(sender.getAddress().hashCode(), backlogs.size()));
            if (queuedBytes.addAndGet(bytes.length) > backlogBytes || !backlog.offer(new Datagram(sender, bytes))) {
                queuedBytes.addAndGet(-bytes.length);
                overflow.run();
            }
        }
        for (BlockingQueue<Datagram> backlog : backlogs) {
            // after what is queued: the decoders finish the backlog, then stop
            try {
                backlog.put(STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A decoding thread: backlog to SNMP4J's dispatcher, which calls the listener. */
    private void decode(BlockingQueue<Datagram> backlog) {
        while (true) {
            Datagram datagram;
            try {
                datagram = backlog.take();
            } catch (InterruptedException e) {
                return;
            }
            if (datagram == STOP) {
                return;
            }
            queuedBytes.addAndGet(-datagram.bytes().length);
            process(datagram.from(), datagram.bytes());
        }
    }

    /**
     * Hands one datagram to the short path, and when it declines to SNMP4J as if just read from the
     * socket, on the calling thread.
     */
    void process(InetSocketAddress from, byte[] bytes) {
        if (shortPath.handled(from, bytes)) {
            return;
        }
        UdpAddress address = new UdpAddress(from.getAddress(), from.getPort());
        TransportStateReference state = new TransportStateReference(this, udpAddress, null,
                SecurityLevel.undefined, SecurityLevel.undefined, false,
                channel);
        try {
            fireProcessMessage(address, ByteBuffer.wrap(bytes), state);
        } catch (RuntimeException e) {
            // SNMP4J and the listener count what they refuse; this is a defect, not a bad datagram
            LOG.error("Decoding a datagram from {} failed", address, e);
        }
    }

    @Override
    public void sendMessage(UdpAddress target, byte[] message, TransportStateReference state, long timeoutMillis,
                            int maxRetries) throws IOException {
        channel.send(ByteBuffer.wrap(message), new InetSocketAddress(target.getInetAddress(), target.getPort()));
    }

    @Override
    public boolean isListening() {
        return listening;
    }

    /** Stops reading; the decoders finish what was read (at most 10 s), then stop. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (!listening) {
                channel.close();
                return;
            }
            listening = false;
        }
        channel.close();
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
