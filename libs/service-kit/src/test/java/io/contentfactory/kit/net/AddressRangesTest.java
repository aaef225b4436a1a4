package io.contentfactory.kit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of IANA's IPv4 and IPv6 Special-Purpose Address Registries, at its first and last address. */
class AddressRangesTest {

    @ParameterizedTest(name = "{0}: {1} .. {2}")
    @CsvSource({
        "this network, 0.0.0.0, 0.255.255.255",
        "private, 10.0.0.0, 10.255.255.255",
        "shared (carrier-grade NAT), 100.64.0.0, 100.127.255.255",
        "loopback, 127.0.0.0, 127.255.255.255",
        "link-local, 169.254.0.0, 169.254.255.255",
        "private, 172.16.0.0, 172.31.255.255",
        "IETF protocol assignments, 192.0.0.0, 192.0.0.255",
        "IPv4 service continuity prefix, 192.0.0.0, 192.0.0.7",
        "IPv4 dummy address, 192.0.0.8, 192.0.0.8",
        "port control protocol anycast, 192.0.0.9, 192.0.0.9",
        "TURN anycast, 192.0.0.10, 192.0.0.10",
        "NAT64/DNS64 discovery, 192.0.0.170, 192.0.0.171",
        "documentation, 192.0.2.0, 192.0.2.255",
        "AS112, 192.31.196.0, 192.31.196.255",
        "AMT, 192.52.193.0, 192.52.193.255",
        "6to4 relay anycast, 192.88.99.0, 192.88.99.255",
        "private, 192.168.0.0, 192.168.255.255",
        "AS112 direct delegation, 192.175.48.0, 192.175.48.255",
        "benchmarking, 198.18.0.0, 198.19.255.255",
        "documentation, 198.51.100.0, 198.51.100.255",
        "documentation, 203.0.113.0, 203.0.113.255",
        "multicast, 224.0.0.0, 239.255.255.255",
        "reserved, 240.0.0.0, 255.255.255.254",
        "limited broadcast, 255.255.255.255, 255.255.255.255",
        "cloud metadata, 169.254.169.254, 169.254.169.254",
    })
    void everyIpv4SpecialPurposeRowIsRefused(String row, String first, String last) {
        assertThat(AddressRanges.blocked(address(first))).as(row).isPresent();
        assertThat(AddressRanges.blocked(address(last))).as(row).isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} .. {2}")
    @CsvSource({
        "loopback, ::1, ::1",
        "unspecified, ::, ::",
        "discard-only, 100::, 100::ffff:ffff:ffff:ffff",
        "dummy prefix, 100:0:0:1::, 100:0:0:1:ffff:ffff:ffff:ffff",
        "IETF protocol assignments, 2001:100::, 2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff",
        "port control protocol anycast, 2001:1::1, 2001:1::1",
        "TURN anycast, 2001:1::2, 2001:1::2",
        "DNS-SD SRP anycast, 2001:1::3, 2001:1::3",
        "benchmarking, 2001:2::, 2001:2:0:ffff:ffff:ffff:ffff:ffff",
        "AMT, 2001:3::, 2001:3:ffff:ffff:ffff:ffff:ffff:ffff",
        "AS112, 2001:4:112::, 2001:4:112:ffff:ffff:ffff:ffff:ffff",
        "ORCHID (deprecated), 2001:10::, 2001:1f:ffff:ffff:ffff:ffff:ffff:ffff",
        "ORCHIDv2, 2001:20::, 2001:2f:ffff:ffff:ffff:ffff:ffff:ffff",
        "drone remote ID, 2001:30::, 2001:3f:ffff:ffff:ffff:ffff:ffff:ffff",
        "documentation, 2001:db8::, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
        "AS112 direct delegation, 2620:4f:8000::, 2620:4f:8000:ffff:ffff:ffff:ffff:ffff",
        "documentation, 3fff::, 3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff",
        "segment routing (SRv6) SIDs, 5f00::, 5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "unique local (private), fc00::, fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "link-local, fe80::, febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "site-local (deprecated), fec0::, feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "multicast, ff00::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "cloud metadata, fd00:ec2::254, fd00:ec2::254",
        // Forms that are refused whatever IPv4 they carry: their relays, not the host, would be reached.
        "local-use NAT64, 64:ff9b:1::808:808, 64:ff9b:1:ffff:ffff:ffff:808:808",
        "6to4, 2002:808:808::, 2002:808:808:ffff:ffff:ffff:ffff:ffff",
        "Teredo, 2001:0:808:808::f7f7:f7f7, 2001:0:808:808:ffff:ffff:f7f7:f7f7",
    })
    void everyIpv6SpecialPurposeRowIsRefused(String row, String first, String last) {
        assertThat(AddressRanges.blocked(address(first))).as(row).isPresent();
        assertThat(AddressRanges.blocked(address(last))).as(row).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "6to4 with loopback inside, 2002:7f00:1::, 6to4 address carrying a loopback",
        "6to4 with a private address inside, 2002:c0a8:101::1, 6to4 address carrying a private",
        "Teredo with a loopback server, 2001:0:7f00:1::, Teredo address carrying a loopback",
        "Teredo with a loopback client (stored inverted), 2001:0:808:808::80ff:fffe, Teredo address carrying a loopback",
        "NAT64 with the metadata address inside, 64:ff9b::a9fe:a9fe, NAT64 address carrying a cloud metadata",
        "local-use NAT64 with a private address, 64:ff9b:1::a00:1, local-use NAT64 address carrying a private",
        "IPv4-compatible loopback, ::127.0.0.1, IPv4-compatible address carrying a loopback",
        "ISATAP with a private address, 2001:4860::5efe:a00:1, ISATAP address carrying a private",
    })
    void anIpv6FormCarryingANonPublicIpv4IsRefusedAndSaysWhy(String form, String address, String reason) {
        assertThat(AddressRanges.blocked(address(address)))
                .as(form)
                .hasValueSatisfying(why -> assertThat(why).startsWith(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "public IPv4, 93.184.216.34",
        "public IPv4 next to a documentation range, 192.0.3.1",
        "public IPv6, 2606:2800:220:1:248:1893:25c8:1946",
        "IPv4-mapped public, ::ffff:93.184.216.34",
        "NAT64 well-known prefix with a public IPv4 (globally reachable), 64:ff9b::5db8:d822",
        "public IPv6 just past the IETF protocol assignments, 2001:200::1",
    })
    void publicAddressesPass(String what, String address) {
        assertThat(AddressRanges.blocked(address(address))).as(what).isEmpty();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
