package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * Thousands of random and mutated datagrams: the listener keeps working, and its counters account
 * for every datagram the socket received.
 */
class ListenerFuzzIT {

    private static final int DATAGRAMS = 12_000;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("fuzz"), Map.of(
                "noc.snmp.usm-users[0].name", "noc",
                "noc.snmp.usm-users[0].auth-passphrase", "auth-secret-1",
                "noc.snmp.usm-users[0].priv-protocol", "AES-128",
                "noc.snmp.usm-users[0].priv-passphrase", "priv-secret-1"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void randomAndMutatedDatagramsAreCountedAndTheListenerKeepsWorking() throws Exception {
        byte[] valid = TrapSender.linkDatagram(TrapSender.LINK_DOWN, 3); // a real v2c linkDown, as bytes
        Random random = new Random(20261127L);
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            datagrams.add(switch (i % 4) {
                case 0 -> randomBytes(random, 1 + random.nextInt(600));
                case 1 -> flipBytes(random, valid);
                case 2 -> Arrays.copyOf(valid, random.nextInt(valid.length));
                default -> splice(random, valid);
            });
        }
        double receivedBefore = MetricsReader.value(app, "noc_snmp_traps_received_total", "");
        double discoveriesBefore = MetricsReader.value(app, "noc_snmp_engine_discoveries_total", "");
        long kernelDropsBefore = kernelDrops(app.snmpPort());

        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < datagrams.size(); i++) {
                byte[] bytes = datagrams.get(i);
                socket.send(new DatagramPacket(bytes, bytes.length, loopback, app.snmpPort()));
                if (i % 200 == 199) {
                    Thread.sleep(5); // stay well inside the socket buffer: this test is not about load
                }
            }
        }

        long kernelDrops = kernelDrops(app.snmpPort()) - kernelDropsBefore;
        double expected = DATAGRAMS - kernelDrops;
        double counted = Await.value(Duration.ofSeconds(10), expected + " datagrams counted",
                () -> MetricsReader.value(app, "noc_snmp_traps_received_total", "") - receivedBefore
                        + MetricsReader.value(app, "noc_snmp_engine_discoveries_total", "") - discoveriesBefore,
                count -> count >= expected);
        assertThat(counted).as("datagrams counted (kernel dropped %d)", kernelDrops).isEqualTo(expected);

        double received = MetricsReader.value(app, "noc_snmp_traps_received_total", "");
        double accepted = MetricsReader.value(app, "noc_snmp_traps_accepted_total", "");
        assertThat(accepted + droppedTotal()).as("accepted + dropped = received").isEqualTo(received);
        assertThat(droppedTotal()).isGreaterThan(DATAGRAMS / 2.0);

        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.99", 77);
        }
        app.awaitList("/api/v1/alarms", alarms -> alarms.stream().anyMatch(a -> a.get("source").equals("192.0.2.99")));
    }

    private static double droppedTotal() {
        Matcher matcher = Pattern.compile("^noc_snmp_traps_dropped_total\\{[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(app.get("/prometheus").body());
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** Datagrams the kernel dropped on the listener's socket (the last column of /proc/net/udp{,6}). */
    private static long kernelDrops(int port) throws Exception {
        String localPort = String.format(":%04X", port);
        long drops = 0;
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path udp = Path.of(table);
            if (!Files.exists(udp)) {
                continue;
            }
            for (String line : Files.readAllLines(udp)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 12 && fields[1].endsWith(localPort)) {
                    drops += Long.parseLong(fields[fields.length - 1]);
                }
            }
        }
        return drops;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] flipBytes(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] splice(Random random, byte[] valid) {
        int cut = random.nextInt(valid.length);
        byte[] tail = randomBytes(random, random.nextInt(64));
        byte[] bytes = Arrays.copyOf(valid, cut + tail.length);
        System.arraycopy(tail, 0, bytes, cut, tail.length);
        return bytes;
    }
}
