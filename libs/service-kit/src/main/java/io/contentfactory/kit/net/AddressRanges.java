package io.contentfactory.kit.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Addresses an outbound call on someone else's behalf (a media import, a webhook delivery) must never reach: every
 * row of IANA's IPv4 and IPv6 Special-Purpose Address Registries, multicast, and the cloud metadata addresses.
 *
 * <p>An IPv6 address that carries an IPv4 address is judged by that address: IPv4-mapped ({@code ::ffff:0:0/96}),
 * IPv4-compatible ({@code ::/96}), NAT64 ({@code 64:ff9b::/96} and the local-use {@code 64:ff9b:1::/48}), 6to4
 * ({@code 2002::/16}, the IPv4 in bits 16–47), Teredo ({@code 2001::/32}: the server's IPv4 in bits 32–63, the
 * client's inverted in the last 32 bits) and ISATAP interface ids ({@code ::5efe:a.b.c.d}). Any non-public IPv4
 * inside refuses it; a form whose registry row is not globally reachable (local-use NAT64, 6to4, Teredo) is refused
 * even with public IPv4s inside, since its relay, not the named host, would be reached.
 */
public final class AddressRanges {

    private record Range(String name, byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remaining = prefix % 8;
            if (remaining == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remaining) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    /** IANA IPv4 Special-Purpose Address Registry (2025 revision), most specific names first, then multicast. */
    private static final List<Range> IPV4 = List.of(
            v4("cloud metadata", "169.254.169.254", 32),
            v4("this host on this network", "0.0.0.0", 32),
            v4("this network", "0.0.0.0", 8),
            v4("private", "10.0.0.0", 8),
            v4("shared (carrier-grade NAT)", "100.64.0.0", 10),
            v4("loopback", "127.0.0.0", 8),
            v4("link-local", "169.254.0.0", 16),
            v4("private", "172.16.0.0", 12),
            v4("IPv4 service continuity prefix", "192.0.0.0", 29),
            v4("IPv4 dummy address", "192.0.0.8", 32),
            v4("port control protocol anycast", "192.0.0.9", 32),
            v4("TURN anycast", "192.0.0.10", 32),
            v4("NAT64/DNS64 discovery", "192.0.0.170", 31),
            v4("IETF protocol assignments", "192.0.0.0", 24),
            v4("documentation", "192.0.2.0", 24),
            v4("AS112", "192.31.196.0", 24),
            v4("AMT", "192.52.193.0", 24),
            v4("6to4 relay anycast", "192.88.99.0", 24),
            v4("private", "192.168.0.0", 16),
            v4("AS112 direct delegation", "192.175.48.0", 24),
            v4("benchmarking", "198.18.0.0", 15),
            v4("documentation", "198.51.100.0", 24),
            v4("documentation", "203.0.113.0", 24),
            v4("multicast", "224.0.0.0", 4),
            v4("limited broadcast", "255.255.255.255", 32),
            v4("reserved", "240.0.0.0", 4));

    /** IANA IPv6 Special-Purpose Address Registry (2025 revision), the forms carrying IPv4 excepted; then more. */
    private static final List<Range> IPV6 = List.of(
            v6("cloud metadata", "fd00:ec2::254", 128),
            v6("loopback", "::1", 128),
            v6("unspecified", "::", 128),
            v6("discard-only", "100::", 64),
            v6("dummy prefix", "100:0:0:1::", 64),
            v6("port control protocol anycast", "2001:1::1", 128),
            v6("TURN anycast", "2001:1::2", 128),
            v6("DNS-SD SRP anycast", "2001:1::3", 128),
            v6("benchmarking", "2001:2::", 48),
            v6("AMT", "2001:3::", 32),
            v6("AS112", "2001:4:112::", 48),
            v6("ORCHID (deprecated)", "2001:10::", 28),
            v6("ORCHIDv2", "2001:20::", 28),
            v6("drone remote ID", "2001:30::", 28),
            v6("documentation", "2001:db8::", 32),
            v6("IETF protocol assignments", "2001::", 23),
            v6("AS112 direct delegation", "2620:4f:8000::", 48),
            v6("documentation", "3fff::", 20),
            v6("segment routing (SRv6) SIDs", "5f00::", 16),
            v6("unique local (private)", "fc00::", 7),
            v6("link-local", "fe80::", 10),
            v6("site-local (deprecated)", "fec0::", 10),
            v6("multicast", "ff00::", 8));

    /** Built by hand: Java parses {@code ::ffff:a.b.c.d} as the IPv4 address itself. */
    private static final Range MAPPED = new Range(
            "IPv4-mapped", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0}, 96);

    private static final Range COMPATIBLE = v6("IPv4-compatible", "::", 96);
    private static final Range NAT64 = v6("NAT64", "64:ff9b::", 96);
    private static final Range LOCAL_NAT64 = v6("local-use NAT64", "64:ff9b:1::", 48);
    private static final Range SIX_TO_FOUR = v6("6to4", "2002::", 16);
    private static final Range TEREDO = v6("Teredo", "2001::", 32);

    private AddressRanges() {}

    /** Why {@code address} may not be reached (the range it is in), or empty for a public address. */
    public static Optional<String> blocked(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return named(IPV4, bytes);
        }
        Optional<String> carried = carriedIpv4(bytes);
        if (carried.isPresent()) {
            return carried.get().isEmpty() ? Optional.empty() : carried;
        }
        return named(IPV6, bytes);
    }

    /**
     * For an IPv6 form that carries IPv4 addresses: "" if it may be reached, else the reason; empty if it carries none.
     */
    private static Optional<String> carriedIpv4(byte[] b) {
        if (MAPPED.contains(b)) {
            return judged(MAPPED, true, slice(b, 12));
        }
        if (NAT64.contains(b)) {
            return judged(NAT64, true, slice(b, 12));
        }
        if (LOCAL_NAT64.contains(b)) {
            return judged(LOCAL_NAT64, false, slice(b, 12));
        }
        if (COMPATIBLE.contains(b) && !(b[12] == 0 && b[13] == 0 && b[14] == 0)) {
            return judged(COMPATIBLE, true, slice(b, 12));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return judged(SIX_TO_FOUR, false, slice(b, 2));
        }
        if (TEREDO.contains(b)) {
            byte[] client = slice(b, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return judged(TEREDO, false, slice(b, 4), client);
        }
        boolean isatap = (b[8] & 0xFD) == 0 && b[9] == 0 && (b[10] & 0xFF) == 0x5E && (b[11] & 0xFF) == 0xFE;
        if (isatap) {
            Optional<String> inside = named(IPV4, slice(b, 12));
            if (inside.isPresent()) {
                return Optional.of("ISATAP address carrying a " + inside.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> judged(Range form, boolean globallyReachable, byte[]... carried) {
        for (byte[] ipv4 : carried) {
            Optional<String> inside = named(IPV4, ipv4);
            if (inside.isPresent()) {
                return Optional.of(form.name() + " address carrying a " + inside.get() + " IPv4 address");
            }
        }
        return Optional.of(globallyReachable ? "" : form.name());
    }

    private static Optional<String> named(List<Range> ranges, byte[] bytes) {
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return Optional.of(range.name());
            }
        }
        return Optional.empty();
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] ipv4 = new byte[4];
        System.arraycopy(bytes, from, ipv4, 0, 4);
        return ipv4;
    }

    private static Range v4(String name, String network, int prefix) {
        return new Range(name, literal(network), prefix);
    }

    private static Range v6(String name, String network, int prefix) {
        return new Range(name, literal(network), prefix);
    }

    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
