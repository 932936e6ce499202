package noc.ingest.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import noc.alarm.AlarmEvent;
import noc.engine.EngineQueue;
import noc.ingest.mib.MibRegistry;

/**
 * Listens for SNMP notifications on UDP. The callback decodes, counts and offers to the engine
 * queue, and returns: no database, no rules, no blocking, no reverse DNS.
 */
@Context
@Requires(property = "noc.snmp.enabled", notEquals = "false")
public final class TrapListener implements CommandResponder {

    private static final Logger LOG = LoggerFactory.getLogger(TrapListener.class);

    private final EngineQueue queue;
    private final TrapDecoder decoder;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter received;
    private final Snmp snmp;
    private final DefaultUdpTransportMapping transport;

    public TrapListener(SnmpConfiguration configuration, EngineQueue queue, MibRegistry mibs, Clock clock,
                        MeterRegistry meters) {
        this.queue = queue;
        this.decoder = new TrapDecoder(mibs);
        this.clock = clock;
        this.meters = meters;
        this.received = meters.counter("noc.snmp.traps.received");
        try {
            UdpAddress address = new UdpAddress(InetAddress.getByName(configuration.bindAddress()),
                    configuration.port());
            transport = new DefaultUdpTransportMapping(address, true);
            transport.setReceiveBufferSize(configuration.receiveBuffer());
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addMessageProcessingModel(new MPv1());
            dispatcher.addMessageProcessingModel(new MPv2c());
            snmp = new Snmp(dispatcher, transport);
            snmp.addCommandResponder(this);
            snmp.listen();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for SNMP traps on " + configuration.bindAddress() + ":"
                    + configuration.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Listening for SNMP traps on udp:{}:{}", configuration.bindAddress(), port());
    }

    /** The UDP port listened on (useful when configured as 0). */
    public int port() {
        return transport.getListenAddress().getPort();
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        received.increment();
        event.setProcessed(true);
        PDU pdu = event.getPDU();
        if (pdu == null) {
            dropped("malformed");
            return;
        }
        if (!(event.getPeerAddress() instanceof UdpAddress peer)) {
            dropped("malformed");
            return;
        }
        AlarmEvent alarm;
        try {
            alarm = decoder.decode(pdu, peer.getInetAddress(), clock.instant());
        } catch (MalformedTrapException e) {
            dropped("malformed");
            LOG.debug("Dropped a PDU from {}: {}", peer, e.getMessage());
            return;
        }
        if (!queue.offer(alarm)) {
            dropped("queue_full");
        }
    }

    private void dropped(String reason) {
        meters.counter("noc.snmp.traps.dropped", "reason", reason).increment();
    }

    @PreDestroy
    public void close() throws IOException {
        snmp.close();
    }
}
