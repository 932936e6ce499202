package noc.ingest.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.TransportStateReference;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.TransportListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.engine.InputRefusedException;
import noc.engine.InputUnavailableException;
import noc.engine.Inputs;
import noc.engine.Receipt;
import noc.ingest.mib.MibRegistry;

/**
 * Listens for SNMP notifications on UDP: v1 and v2c traps, v2c informs, v3 traps and informs. One
 * thread reads the socket into a bounded backlog ({@link UdpReceiver}); on the decoding threads, the
 * callback checks, decodes, counts and offers to the engine queue (in a collector, to Kafka's
 * producer, which never waits either: {@link Inputs}), and returns: no database, no rules, no
 * blocking, no reverse DNS. Every datagram ends as exactly one of: accepted, or dropped
 * for a reason, so that what was sent adds up to what was committed plus the drops.
 */
@Context
@Requires(property = "noc.snmp.enabled", notEquals = "false")
@Requires(condition = noc.cluster.Roles.Receives.class)
public final class TrapListener implements CommandResponder {

    /** The name of the alarm a source gets while its traps are rate limited. */
    public static final String STORM_ALARM = "NOC::trapStorm";

    private static final Logger LOG = LoggerFactory.getLogger(TrapListener.class);
    private static final String DISCOVERY = "engine_discovery";
    private static final String ACCEPTED = "accepted";
    private static final String WARM_UP = "warm-up";
    private static final Map<OID, String> COUNTER_REASONS = Map.ofEntries(
            Map.entry(SnmpConstants.snmpInASNParseErrs, "malformed"),
            Map.entry(SnmpConstants.snmpInBadVersions, "malformed"),
            Map.entry(SnmpConstants.snmpInvalidMsgs, "malformed"),
            Map.entry(SnmpConstants.snmpUnknownSecurityModels, "malformed"),
            Map.entry(SnmpConstants.snmpUnknownPDUHandlers, "malformed"),
            Map.entry(SnmpConstants.usmStatsUnknownUserNames, "v3_authentication"),
            Map.entry(SnmpConstants.usmStatsWrongDigests, "v3_authentication"),
            Map.entry(SnmpConstants.usmStatsDecryptionErrors, "v3_authentication"),
            Map.entry(SnmpConstants.usmStatsNotInTimeWindows, "v3_authentication"),
            Map.entry(SnmpConstants.usmStatsUnsupportedSecLevels, "v3_authentication"),
            Map.entry(SnmpConstants.usmStatsUnknownEngineIDs, DISCOVERY));

    /**
     * The {@code reason} labels of {@code noc_snmp_traps_dropped_total}: every outcome but accepted, in
     * roles {@code all} and {@code engine}. A collector has {@code kafka_unavailable} for the last two.
     */
    public static final List<String> DROP_REASONS = List.of("malformed", "not_a_notification", "unknown_community",
            "source_not_allowed", "v3_authentication", "v3_decryption", "duplicate_inform", "rate_limited",
            "queue_full", "receive_backlog_full", TrapListener.REFUSED_BY_DATABASE);

    private final Inputs inputs;
    private final TrapDecoder decoder;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SnmpConfiguration configuration;
    private final SourceNetworks allowedSources;
    private final List<OctetString> communities;
    private final SourceRateLimiter rateLimiter;
    /** The source of the storm alarm of the sources the rate limiter cannot track one by one. */
    static final String UNTRACKED_SOURCES = "untracked-sources";
    public static final String REFUSED_BY_DATABASE = "refused_by_database";
    private final InformMemory informs = new InformMemory();
    private final Counter received;
    private final Counter accepted;
    private final Counter discoveries;
    /** One counter per drop reason, looked up once: in a storm, every rate-limited trap is counted. */
    private final java.util.Map<String, Counter> dropped = new java.util.concurrent.ConcurrentHashMap<>();
    private final Snmp snmp;
    private final UdpReceiver transport;
    /** While true, datagrams are the warm-up's: decoded, neither queued nor counted. */
    private volatile boolean warming;
    /** What became of the datagram the listener thread is handling; set by whoever decides it. */
    private final ThreadLocal<String[]> outcome = ThreadLocal.withInitial(() -> new String[1]);
    /**
     * Told the fate of an accepted trap: counts it when the database refused it, or Kafka did not
     * acknowledge it (one for all traps).
     */
    private final Receipt trapReceipt = new Receipt() {
        @Override
        public void committed() {
        }

        @Override
        public void failed(Exception cause) {
            refused(cause);
        }
    };

    public TrapListener(SnmpConfiguration configuration, List<UsmUserConfiguration> usmUsers, Inputs inputs,
                        MibRegistry mibs, Clock clock, MeterRegistry meters) {
        this.configuration = configuration;
        this.inputs = inputs;
        this.decoder = new TrapDecoder(mibs);
        this.clock = clock;
        this.meters = meters;
        this.allowedSources = new SourceNetworks(configuration.allowedSources());
        this.communities = configuration.communities().stream().map(OctetString::new).toList();
        this.rateLimiter = configuration.rateLimit() > 0
                ? new SourceRateLimiter(configuration.rateLimit(), configuration.rateBurst()) : null;
        this.received = meters.counter("noc.snmp.traps.received");
        this.accepted = meters.counter("noc.snmp.traps.accepted");
        this.discoveries = meters.counter("noc.snmp.engine.discoveries");
        try {
            UdpAddress address = new UdpAddress(InetAddress.getByName(configuration.bindAddress()),
                    configuration.port());
            transport = new UdpReceiver(address, configuration.receiveBuffer(), configuration.decodeThreads(),
                    configuration.receiveBacklog(), configuration.receiveBacklogBytes(), () -> {
                        received.increment();
                        drop("receive_backlog_full");
                    }, this::shortPath);
            meters.gauge("noc.snmp.receive.backlog", transport, UdpReceiver::backlog);

            CounterListener reasons = this::counted;
            CounterSupport counters = new CounterSupport();
            counters.addCounterListener(reasons);
            OctetString localEngineId = configuration.engineId() == null || configuration.engineId().isBlank()
                    ? new OctetString(MPv3.createLocalEngineID())
                    : UsmUsers.engineId("noc.snmp.engine-id", configuration.engineId());
            USM usm = new USM(UsmUsers.protocols(), localEngineId, 0, counters);
            UsmUsers.addAll(usm, usmUsers);
            MPv3 mpv3 = new MPv3(usm);
            mpv3.setLocalEngineID(localEngineId.getValue());
            mpv3.setCounterSupport(counters);
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addCounterListener(reasons);
            dispatcher.addMessageProcessingModel(new MPv1());
            dispatcher.addMessageProcessingModel(new MPv2c());
            dispatcher.addMessageProcessingModel(mpv3);
            snmp = new Snmp(dispatcher, transport);
            snmp.addCommandResponder(this);
            // Registered after the dispatcher, so it runs once the datagram has been handled.
            transport.addTransportListener(new Tally());
            warmUp(configuration.warmUp());
            snmp.listen();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for SNMP traps on " + configuration.bindAddress() + ":"
                    + configuration.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Listening for SNMP traps on udp:{}:{} (receive buffer asked: {} bytes, granted: {}; "
                        + "{} decoding threads; {} v3 users; communities: {}; sources: {}; rate limit: {})",
                configuration.bindAddress(), port(), configuration.receiveBuffer(), granted(),
                configuration.decodeThreads(),
                usmUsers.size(), communities.isEmpty() ? "any" : communities.size(),
                configuration.allowedSources().isEmpty() ? "any" : configuration.allowedSources(),
                rateLimiter == null ? "none" : configuration.rateLimit() + "/s per source");
        if (!isLoopback(configuration.bindAddress()) && communities.isEmpty()
                && configuration.allowedSources().isEmpty()) {
            // Anyone who reaches the port can raise alarms, open tickets and so email customers.
            LOG.warn("SNMP traps are taken from any host with any community on {}: set noc.snmp.communities "
                    + "or noc.snmp.allowed-sources (or use SNMPv3 users only)", configuration.bindAddress());
        }
    }

    private int granted() {
        try {
            return transport.receiveBufferGranted();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Decodes {@code count} synthetic v2c traps through the whole receiving path (the short path plain
     * traps take, {@link PlainTrap}; the checks, the decoder and its MIB names) before the socket opens, so that the JIT has
     * compiled it when a storm meets a listener just started. Nothing is queued or counted.
     */
    private void warmUp(int count) {
        if (count == 0) {
            return;
        }
        long started = System.nanoTime();
        String community = communities.isEmpty() ? "public" : communities.get(0).toString();
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        warming = true;
        try {
            List<byte[]> datagrams = TrapDatagrams.mix(community, Math.min(count, 2_000), 500, 1);
            for (int i = 0; i < count; i++) {
                transport.process(from, datagrams.get(i % datagrams.size()));
            }
        } finally {
            warming = false;
        }
        LOG.info("Warmed the SNMP decoding path up with {} synthetic traps in {} ms", count,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the listener bound it, so this does not happen
        }
    }

    /** The UDP port listened on (useful when configured as 0). */
    public int port() {
        return transport.getListenAddress().getPort();
    }


    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
        event.setProcessed(true);
        outcome.get()[0] = handle(event);
    }

    private <A extends Address> String handle(CommandResponderEvent<A> event) {
        PDU pdu = event.getPDU();
        if (pdu == null || !(event.getPeerAddress() instanceof UdpAddress peer)) {
            return "malformed";
        }
        InetAddress sender = peer.getInetAddress();
        if (warming) {
            try {
                decoder.decode(pdu, sender, clock.instant());
            } catch (MalformedTrapException e) {
                LOG.debug("A warm-up trap did not decode: {}", e.getMessage());
            }
            return WARM_UP;
        }
        int securityModel = event.getSecurityModel();
        boolean communityBased = securityModel == SecurityModel.SECURITY_MODEL_SNMPv1
                || securityModel == SecurityModel.SECURITY_MODEL_SNMPv2c;
        String refusal = refusal(sender, communityBased ? event.getSecurityName() : null);
        if (refusal != null) {
            return refusal;
        }
        int type = pdu.getType();
        if (type != PDU.TRAP && type != PDU.V1TRAP && type != PDU.INFORM) {
            return "not_a_notification";
        }
        refusal = rateLimited(sender);
        if (refusal != null) {
            return refusal;
        }
        AlarmEvent alarm;
        try {
            alarm = decoder.decode(pdu, sender, clock.instant());
        } catch (MalformedTrapException e) {
            LOG.debug("Dropped a PDU from {}: {}", peer, e.getMessage());
            return "malformed";
        }
        if (type != PDU.INFORM) {
            return offer(alarm);
        }
        String key = peer + "/" + new OctetString(event.getSecurityName()) + "/" + pdu.getRequestID();
        switch (informs.see(key, System.nanoTime())) {
            case PENDING -> {
                return "duplicate_inform";
            }
            case COMMITTED -> {
                new InformReceipt<>(event, null, null).committed();
                return "duplicate_inform";
            }
            case NEW -> {
                // fall through to queueing below
            }
        }
        if (inputs.offer(alarm, new InformReceipt<>(event, () -> informs.committed(key), cause -> {
            informs.forget(key);
            refused(cause);
        }))) {
            return ACCEPTED;
        }
        informs.forget(key);
        return inputs.refusal().reason();
    }

    /**
     * The short path of a datagram, on its decoding thread: a v1 or v2c trap that {@link PlainTrap}
     * reads is checked, decoded, offered and counted here as {@link #handle} and {@link Tally} do
     * for SNMP4J's events. Anything else answers false, and goes to SNMP4J.
     */
    private boolean shortPath(InetSocketAddress from, byte[] datagram) {
        PlainTrap trap = PlainTrap.read(datagram);
        if (trap == null) {
            return false;
        }
        count(handle(trap, from.getAddress()), null);
        return true;
    }

    private String handle(PlainTrap trap, InetAddress sender) {
        if (warming) {
            try {
                decoder.decode(trap, sender, clock.instant());
            } catch (MalformedTrapException e) {
                LOG.debug("A warm-up trap did not decode: {}", e.getMessage());
            }
            return WARM_UP;
        }
        String refusal = refusal(sender, trap.community());
        if (refusal == null) {
            refusal = rateLimited(sender);
        }
        if (refusal != null) {
            return refusal;
        }
        AlarmEvent alarm;
        try {
            alarm = decoder.decode(trap, sender, clock.instant());
        } catch (MalformedTrapException e) {
            LOG.debug("Dropped a trap from {}: {}", sender, e.getMessage());
            return "malformed";
        }
        return offer(alarm);
    }

    /**
     * Why a notification from {@code sender} is refused before it is decoded, or null: its source is
     * not allowed, or its community ({@code community}, null for v3) is not one configured.
     */
    private String refusal(InetAddress sender, byte[] community) {
        if (!allowedSources.allows(sender)) {
            return "source_not_allowed";
        }
        if (community != null && !communities.isEmpty() && !communities.contains(new OctetString(community))) {
            return "unknown_community";
        }
        return null;
    }

    /** {@code rate_limited} when {@code sender} is over its rate (raising its storm alarm once), else null. */
    private String rateLimited(InetAddress sender) {
        if (rateLimiter == null) {
            return null;
        }
        SourceRateLimiter.Decision decision = rateLimiter.take(sender.getHostAddress(), System.nanoTime());
        if (decision == SourceRateLimiter.Decision.LIMIT_AND_NOTIFY) {
            inputs.offer(stormAlarm(sender.getHostAddress()));
        } else if (decision == SourceRateLimiter.Decision.OVERFLOW_LIMIT_AND_NOTIFY) {
            // Too many sources to tell apart: one storm for all those not tracked.
            inputs.offer(stormAlarm(UNTRACKED_SOURCES));
        }
        return decision == SourceRateLimiter.Decision.ACCEPT ? null : "rate_limited";
    }

    private String offer(AlarmEvent trap) {
        return inputs.offer(trap, trapReceipt) ? ACCEPTED : inputs.refusal().reason();
    }

    /** Counts one datagram's outcome, exactly once ({@code wholeMessage}: SNMP4J's path only). */
    private void count(String result, ByteBuffer wholeMessage) {
        if (warming) {
            return; // the warm-up's own traffic
        }
        if ("malformed".equals(result) && wholeMessage != null && V3Header.isEncrypted(wholeMessage)) {
            // An authenticated v3 message whose scoped PDU decrypts to garbage: with AES (CFB)
            // a wrong privacy passphrase shows as a parse error, not as a decryption error.
            result = "v3_decryption";
        }
        if (DISCOVERY.equals(result)) {
            discoveries.increment(); // a v3 sender learning our engine ID: no notification yet
            return;
        }
        received.increment();
        if (ACCEPTED.equals(result)) {
            accepted.increment();
        } else {
            drop(result);
        }
    }

    private void drop(String reason) {
        dropped.computeIfAbsent(reason, r -> meters.counter("noc.snmp.traps.dropped", "reason", r)).increment();
    }

    /**
     * An accepted trap or inform the database refused for its data, after the engine isolated it: it
     * was counted accepted at arrival, and is now also counted dropped as {@code refused_by_database}
     * (so accepted = committed + refused_by_database); in a collector, one Kafka did not acknowledge,
     * counted as {@code kafka_unavailable}. Any other failure (stopping) is not a drop.
     */
    private void refused(Exception cause) {
        if (cause instanceof InputRefusedException) {
            drop(REFUSED_BY_DATABASE);
        } else if (cause instanceof InputUnavailableException lost) {
            drop(lost.reason());
        }
    }

    private AlarmEvent stormAlarm(String source) {
        var now = clock.instant();
        return new AlarmEvent(SourceKind.CORRELATOR, source, STORM_ALARM, "", "",
                AlarmEvent.defaultReductionKey(source, STORM_ALARM, ""), EventState.RAISE, Severity.MAJOR,
                Map.of("rateLimit", configuration.rateLimit() + "/s", "burst", Integer.toString(configuration.rateBurst())),
                now, now);
    }

    /** SNMP4J reports why it refused a message through counters, on the listener thread. */
    private void counted(CounterEvent event) {
        String reason = COUNTER_REASONS.get(event.getOid());
        String[] current = outcome.get();
        if (reason != null && current[0] == null) {
            current[0] = reason;
        }
    }

    /** Runs after the dispatcher for every datagram: counts it exactly once. */
    private final class Tally implements TransportListener {
        @Override
        public <A extends Address> void processMessage(org.snmp4j.TransportMapping<? super A> sourceTransport,
                                                        A incomingAddress, ByteBuffer wholeMessage,
                                                        TransportStateReference tmStateReference) {
            String[] current = outcome.get();
            String result = current[0] == null ? "malformed" : current[0];
            current[0] = null;
            count(result, wholeMessage);
        }
    }

    @PreDestroy
    public void close() throws IOException {
        snmp.close();
    }
}
