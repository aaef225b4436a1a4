package io.contentfactory.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Addresses an import must never reach: loopback, private, link-local (where cloud metadata services answer),
 * shared and reserved ranges, in IPv4 and IPv6, including IPv4 addresses embedded in IPv6 ones.
 */
final class AddressRanges {

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

    private static final List<Range> BLOCKED = List.of(
            v4("cloud metadata", 169, 254, 169, 254, 32),
            v4("unspecified", 0, 0, 0, 0, 8),
            v4("private", 10, 0, 0, 0, 8),
            v4("shared (carrier-grade NAT)", 100, 64, 0, 0, 10),
            v4("loopback", 127, 0, 0, 0, 8),
            v4("link-local", 169, 254, 0, 0, 16),
            v4("private", 172, 16, 0, 0, 12),
            v4("reserved (IETF protocol assignments)", 192, 0, 0, 0, 24),
            v4("documentation", 192, 0, 2, 0, 24),
            v4("private", 192, 168, 0, 0, 16),
            v4("benchmarking", 198, 18, 0, 0, 15),
            v4("documentation", 198, 51, 100, 0, 24),
            v4("documentation", 203, 0, 113, 0, 24),
            v4("multicast", 224, 0, 0, 0, 4),
            v4("reserved", 240, 0, 0, 0, 4),
            v6("cloud metadata", "fd00:ec2::254", 128),
            v6("unspecified", "::", 128),
            v6("loopback", "::1", 128),
            v6("unique local (private)", "fc00::", 7),
            v6("link-local", "fe80::", 10),
            v6("site-local", "fec0::", 10),
            v6("multicast", "ff00::", 8),
            v6("documentation", "2001:db8::", 32),
            v6("discard", "100::", 64));

    private AddressRanges() {
    }

    /** The name of the blocked range holding {@code address}, or empty for a public address. */
    static Optional<String> blocked(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<byte[]> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            bytes = embedded.get();
        }
        for (Range range : BLOCKED) {
            if (range.contains(bytes)) {
                return Optional.of(range.name());
            }
        }
        return Optional.empty();
    }

    /** IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses. */
    private static Optional<byte[]> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return Optional.empty();
    }

    private static Range v4(String name, int a, int b, int c, int d, int prefix) {
        return new Range(name, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, prefix);
    }

    private static Range v6(String name, String network, int prefix) {
        try {
            return new Range(name, Inet6Address.getByName(network).getAddress(), prefix);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
