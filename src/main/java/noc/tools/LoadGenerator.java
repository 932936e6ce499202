package noc.tools;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import noc.ingest.snmp.TrapDatagrams;

/**
 * Sends SNMP v2c traps at a steady rate from simulated devices, for benchmarks:
 * {@code java -jar noc-correlator.jar loadgen --rate 20000 --seconds 10 --devices 500}.
 * The traffic is {@link TrapDatagrams#mix}'s: devices named by the RFC 3584 snmpTrapAddress varbind,
 * 40% linkDown, 40% linkUp, 20% other notifications. The datagrams are encoded once
 * beforehand, so that the generator spends its time sending.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<ByteBuffer> datagrams = encode(options);
        InetSocketAddress target = new InetSocketAddress(options.host, options.port);
        long total = (long) options.rate * options.seconds;
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open()) {
            long start = System.nanoTime();
            int next = 0;
            while (sent < total) {
                long due = Math.min(total, (System.nanoTime() - start) * options.rate / 1_000_000_000L + 1);
                if (sent >= due) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                while (sent < due) {
                    channel.send(datagrams.get(next).duplicate(), target);
                    next = next + 1 == datagrams.size() ? 0 : next + 1;
                    sent++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "sent %d traps in %.2f s (%.0f/s) from %d devices to %s:%d%n",
                    sent, seconds, sent / seconds, options.devices, options.host, options.port);
        }
    }

    private static List<ByteBuffer> encode(Options options) {
        int count = Math.max(1, Math.min(options.distinct, options.rate * options.seconds));
        return TrapDatagrams.mix(options.community, count, options.devices, options.seed).stream()
                .map(bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer()).toList();
    }

    private record Options(String host, int port, int rate, int seconds, int devices, int distinct, String community,
                           long seed) {

        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 1162;
            int rate = 10_000;
            int seconds = 10;
            int devices = 500;
            int distinct = 20_000;
            String community = "public";
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--target" -> {
                        int colon = value.lastIndexOf(':');
                        host = colon < 0 ? value : value.substring(0, colon);
                        port = colon < 0 ? port : Integer.parseInt(value.substring(colon + 1));
                        i++;
                    }
                    case "--rate" -> { rate = Integer.parseInt(value); i++; }
                    case "--seconds" -> { seconds = Integer.parseInt(value); i++; }
                    case "--devices" -> { devices = Integer.parseInt(value); i++; }
                    case "--distinct" -> { distinct = Integer.parseInt(value); i++; }
                    case "--community" -> { community = value; i++; }
                    case "--seed" -> { seed = Long.parseLong(value); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                            + "--target host:port --rate traps/s --seconds N --devices N --distinct N "
                            + "--community C --seed N");
                }
            }
            if (rate < 1 || seconds < 1 || devices < 1 || devices > 1 << 24) {
                throw new IllegalArgumentException("--rate, --seconds and --devices must be positive");
            }
            return new Options(host, port, rate, seconds, devices, distinct, community, seed);
        }
    }
}
