package noc.ingest.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.TransportListener;

import noc.support.Await;

/** The socket's reader and the decoders apart: order per source, and a full backlog counted, not blocking. */
class UdpReceiverTest {

    private UdpReceiver receiver;

    @AfterEach
    void close() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    private UdpReceiver receiver(int decoders, int datagrams, int bytes, Runnable overflow) throws Exception {
        receiver = new UdpReceiver(new UdpAddress(InetAddress.getLoopbackAddress(), 0), 1 << 20, decoders, datagrams,
                bytes, overflow, UdpReceiver.ShortPath.NONE);
        return receiver;
    }

    private static void send(DatagramChannel channel, int port, int number) throws Exception {
        channel.send(ByteBuffer.wrap(Integer.toString(number).getBytes()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Records each datagram decoded, once {@code release} opens; counts down {@code taken} as it takes one. */
    private static TransportListener recording(List<String> seen, CountDownLatch release, CountDownLatch taken) {
        return new TransportListener() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processMessage(org.snmp4j.TransportMapping<? super A> transport,
                    A from, ByteBuffer message, org.snmp4j.TransportStateReference state) {
                taken.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] bytes = new byte[message.remaining()];
                message.get(bytes);
                seen.add(((UdpAddress) from).getPort() + ":" + new String(bytes));
            }
        };
    }

    @Test
    void eachSourceKeepsItsOrderAcrossDecoders() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        UdpReceiver udp = receiver(3, 10_000, 1 << 20, () -> { });
        udp.addTransportListener(recording(seen, new CountDownLatch(0), new CountDownLatch(0)));
        udp.listen();
        try (DatagramChannel a = DatagramChannel.open(); DatagramChannel b = DatagramChannel.open()) {
            a.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < 500; i++) {
                send(a, udp.getListenAddress().getPort(), i);
                send(b, udp.getListenAddress().getPort(), i);
            }
            Await.until(Duration.ofSeconds(10), "1,000 datagrams decoded", () -> seen.size() == 1_000);
            for (DatagramChannel source : List.of(a, b)) {
                String port = ((InetSocketAddress) source.getLocalAddress()).getPort() + ":";
                List<String> fromSource = seen.stream().filter(s -> s.startsWith(port)).toList();
                assertEquals(500, fromSource.size());
                for (int i = 0; i < 500; i++) {
                    assertEquals(port + i, fromSource.get(i), "datagram " + i + " of " + port);
                }
            }
        }
    }

    @Test
    void aFullBacklogRefusesWhatComesAndTellsWithoutStoppingTheReader() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch taken = new CountDownLatch(1);
        UdpReceiver udp = receiver(1, 5, 1 << 20, refused::incrementAndGet);
        udp.addTransportListener(recording(seen, release, taken));
        udp.listen();
        try (DatagramChannel sender = DatagramChannel.open()) {
            send(sender, udp.getListenAddress().getPort(), 0);
            // the decoder holds the first; five wait in the backlog; the rest are refused
            Await.until(Duration.ofSeconds(10), "the first datagram taken by the decoder", () -> taken.getCount() == 0);
            for (int i = 1; i < 20; i++) {
                send(sender, udp.getListenAddress().getPort(), i);
            }
            Await.until(Duration.ofSeconds(10), "14 datagrams refused", () -> refused.get() == 14);
            assertEquals(5, udp.backlog());
            release.countDown();
            Await.until(Duration.ofSeconds(10), "the six taken decoded", () -> seen.size() == 6);
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), seen.stream().map(s -> s.substring(s.indexOf(':') + 1)).toList());
            assertEquals(14, refused.get());
        }
    }

    @Test
    void theBacklogIsBoundedInBytesToo() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        // room for many datagrams, but for 12 bytes only: "10", "11", ... take 2 bytes each
        CountDownLatch taken = new CountDownLatch(1);
        UdpReceiver udp = receiver(1, 1_000, 12, refused::incrementAndGet);
        udp.addTransportListener(recording(seen, release, taken));
        udp.listen();
        try (DatagramChannel sender = DatagramChannel.open()) {
            send(sender, udp.getListenAddress().getPort(), 10);
            Await.until(Duration.ofSeconds(10), "the first datagram taken by the decoder", () -> taken.getCount() == 0);
            for (int i = 11; i < 30; i++) {
                send(sender, udp.getListenAddress().getPort(), i);
            }
            Await.until(Duration.ofSeconds(10), "13 datagrams refused", () -> refused.get() == 13);
            assertEquals(6, udp.backlog());
            release.countDown();
            Await.until(Duration.ofSeconds(10), "the seven taken decoded", () -> seen.size() == 7);
        }
    }
}
