package noc.ingest.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** An allow-list of networks in CIDR notation; an empty list allows every address. */
final class SourceNetworks {

    private final List<Network> networks;

    SourceNetworks(List<String> cidrs) {
        this.networks = cidrs.stream().map(SourceNetworks::parse).toList();
    }

    boolean allows(InetAddress address) {
        if (networks.isEmpty()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        for (Network network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        try {
            // Literal addresses only: getByName on an IP literal does no name lookup.
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException("noc.snmp.allowed-sources: not an address: " + cidr);
            }
            byte[] address = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("noc.snmp.allowed-sources: bad prefix length in " + cidr);
            }
            return new Network(address, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("noc.snmp.allowed-sources: not a network: " + cidr, e);
        }
    }

    private record Network(byte[] address, int bits) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }
}
