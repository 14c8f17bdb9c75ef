package app.frontdesk.interfaces.lmtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which client addresses may deliver over LMTP: addresses and CIDR ranges ({@code 127.0.0.0/8, ::1, 10.1.2.3}).
 * LMTP has no authentication of its own here: whoever may connect may deliver mail in anyone's name.
 */
public final class ClientAllowList {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Range> ranges;
    private final String text;

    private ClientAllowList(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /**
     * @param text addresses or ranges, separated by commas or spaces; literal IP addresses only (no host names:
     *             a name would make the allow-list depend on DNS at every connection)
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static ClientAllowList parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            if (!parts[0].matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("\"" + entry + "\" is not an IP address or CIDR range (host names are not taken)");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(parts[0]).getAddress(); // a literal: no DNS look-up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("\"" + entry + "\" is not an IP address or CIDR range");
            }
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("\"" + entry + "\": the prefix length must be between 0 and " + network.length * 8);
                }
            }
            ranges.add(new Range(network, prefix));
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no client address is allowed: name at least one (127.0.0.1, or a range such as 10.0.0.0/8)");
        }
        return new ClientAllowList(List.copyOf(ranges), text.strip());
    }

    public boolean allows(InetAddress client) {
        byte[] address = client.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        return text;
    }
}
