package io.contentfactory.ingest.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.ingest.domain.ImportRefused;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    /** A resolver with fixed answers, as a DNS server under someone else's control may give them. */
    private static final HostResolver DNS = host -> {
        Map<String, List<String>> answers = Map.of(
                "cdn.example.com", List.of("93.184.216.34"),
                "rebind.example.com", List.of("93.184.216.34", "10.0.0.7"),
                "internal.example.com", List.of("fd00::1"),
                "nat64.example.com", List.of("64:ff9b::a9fe:a9fe"),
                "mapped.example.com", List.of("::ffff:192.168.1.1"),
                "cgnat.example.com", List.of("100.64.1.1"));
        List<String> found =
                Character.isDigit(host.charAt(0)) || host.contains(":") ? List.of(host) : answers.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String address : found) {
            addresses.add(InetAddress.getByName(address));
        }
        return addresses;
    };

    private final UrlPolicy policy = new UrlPolicy(List.of(), DNS);

    @Test
    void aPublicHttpsUrlIsPinnedToTheAddressThatWasChecked() {
        UrlPolicy.Target target = policy.check(UrlPolicy.parse("https://cdn.example.com/v/clip.mp4?x=1#frag"));

        assertThat(target.address()).map(InetAddress::getHostAddress).contains("93.184.216.34");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/v/clip.mp4?x=1");
    }

    @Test
    void aNameWithAnyPrivateAnswerIsRefusedWhateverElseItResolvesTo() {
        for (String host : List.of("rebind", "internal", "nat64", "mapped", "cgnat")) {
            assertThatThrownBy(() -> policy.check(URI.create("https://" + host + ".example.com/a.mp4")))
                    .as(host)
                    .isInstanceOfSatisfying(
                            ImportRefused.class, e -> assertThat(e.code()).isEqualTo("address_not_allowed"));
        }
    }

    @Test
    void anIpv6LiteralCarryingLoopbackIsRefused() {
        for (String url : List.of(
                "https://[2002:7f00:1::]/x.mp4",
                "https://[2001:0:7f00:1::]/x.mp4",
                "https://[::ffff:127.0.0.1]/x.mp4",
                "https://[64:ff9b::7f00:1]/x.mp4")) {
            assertThatThrownBy(() -> policy.check(UrlPolicy.parse(url)))
                    .as(url)
                    .isInstanceOfSatisfying(
                            ImportRefused.class, e -> assertThat(e.code()).isEqualTo("address_not_allowed"));
        }
    }

    @Test
    void theMetadataAddressIsNamedAsSuch() {
        assertThatThrownBy(() -> policy.check(URI.create("https://nat64.example.com/")))
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void aTrustedOriginIsExactlyThatOriginAndNoOther() {
        UrlPolicy trusting = new UrlPolicy(List.of("http://127.0.0.1:8999"), DNS);

        assertThat(trusting.check(URI.create("http://127.0.0.1:8999/a.mp4")).address())
                .isEmpty();
        assertThatThrownBy(() -> trusting.check(URI.create("http://127.0.0.1:9000/a.mp4")))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.code()).isEqualTo("url_scheme_not_allowed"));
        assertThatThrownBy(() -> trusting.check(URI.create("https://127.0.0.1:8999/a.mp4")))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.code()).isEqualTo("address_not_allowed"));
    }
}
