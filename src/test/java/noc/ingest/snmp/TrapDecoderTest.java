package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

import noc.alarm.AlarmEvent;
import noc.ingest.mib.MibRegistry;

class TrapDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static TrapDecoder decoder;
    private static InetAddress peer;

    @BeforeAll
    static void setUp() throws Exception {
        decoder = new TrapDecoder(MibRegistry.load(List.of()));
        peer = InetAddress.getByName("198.51.100.7");
    }

    private static PDU v2(String trapOid, VariableBinding... bindings) {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(100)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(trapOid)));
        for (VariableBinding binding : bindings) {
            pdu.add(binding);
        }
        return pdu;
    }

    @Test
    void aV2cLinkDownIsNamedWithItsInterfaceAsResource() throws Exception {
        AlarmEvent event = decoder.decode(v2("1.3.6.1.6.3.1.1.5.3",
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.3"), new Integer32(3)),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8.3"), new Integer32(2)),
                new VariableBinding(new OID("1.3.6.1.2.1.31.1.1.1.1.3"), new OctetString("ge-0/0/3"))), peer, NOW);

        assertThat(event.name()).isEqualTo("IF-MIB::linkDown");
        assertThat(event.source()).isEqualTo("198.51.100.7");
        assertThat(event.resource()).isEqualTo("ifIndex.3");
        assertThat(event.reductionKey()).isEqualTo("198.51.100.7|IF-MIB::linkDown|ifIndex.3");
        assertThat(event.attributes()).containsExactly(
                org.assertj.core.api.Assertions.entry("ifIndex.3", "3"),
                org.assertj.core.api.Assertions.entry("ifOperStatus.3", "down(2)"),
                org.assertj.core.api.Assertions.entry("ifName.3", "ge-0/0/3"));
        assertThat(event.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aForwardedTrapIsAboutTheAgentInSnmpTrapAddress() throws Exception {
        AlarmEvent event = decoder.decode(v2("1.3.6.1.6.3.1.1.5.1",
                new VariableBinding(new OID("1.3.6.1.6.3.18.1.3.0"), new IpAddress("192.0.2.44"))), peer, NOW);

        assertThat(event.source()).isEqualTo("192.0.2.44");
        assertThat(event.name()).isEqualTo("SNMPv2-MIB::coldStart");
        assertThat(event.resource()).isEmpty();
    }

    @ParameterizedTest(name = "v1 generic trap {0} is {1}")
    @CsvSource({"0, SNMPv2-MIB::coldStart", "2, IF-MIB::linkDown", "3, IF-MIB::linkUp",
            "4, SNMPv2-MIB::authenticationFailure"})
    void v1GenericTrapsBecomeTheirStandardNotifications(int generic, String name) throws Exception {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setGenericTrap(generic);
        pdu.setEnterprise(new OID("1.3.6.1.4.1.9"));
        pdu.setAgentAddress(new IpAddress("192.0.2.9"));

        AlarmEvent event = decoder.decode(pdu, peer, NOW);

        assertThat(event.name()).isEqualTo(name);
        assertThat(event.source()).isEqualTo("192.0.2.9");
    }

    @Test
    void aV1EnterpriseSpecificTrapBecomesEnterpriseZeroSpecific() throws Exception {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setGenericTrap(6);
        pdu.setSpecificTrap(17);
        pdu.setEnterprise(new OID("1.3.6.1.4.1.99999.2"));
        pdu.setAgentAddress(new IpAddress("0.0.0.0"));

        AlarmEvent event = decoder.decode(pdu, peer, NOW);

        assertThat(event.oid()).isEqualTo("1.3.6.1.4.1.99999.2.0.17");
        assertThat(event.source()).as("an unset agent-addr leaves the UDP source").isEqualTo("198.51.100.7");
    }

    @Test
    void aV2TrapWithoutSnmpTrapOidIsMalformed() {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(100)));

        assertThatThrownBy(() -> decoder.decode(pdu, peer, NOW)).isInstanceOf(MalformedTrapException.class)
                .hasMessageContaining("snmpTrapOID.0");
    }

    @Test
    void aGetRequestIsNotANotification() {
        PDU pdu = new PDU();
        pdu.setType(PDU.GET);

        assertThatThrownBy(() -> decoder.decode(pdu, peer, NOW)).isInstanceOf(MalformedTrapException.class);
    }
}
