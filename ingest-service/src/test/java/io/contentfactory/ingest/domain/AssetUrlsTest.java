package io.contentfactory.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssetUrlsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final UUID project = UUID.randomUUID();
    private final UUID media = UUID.randomUUID();

    @Test
    void aUrlIsValidUntilItExpiresAndForItsOwnItemAndVariantOnly() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        AssetUrls issuing = urls(now);
        URI url = URI.create(issuing.url(project, media, AssetUrls.Variant.CONTENT));
        String expires = param(url, "expires");
        String signature = param(url, "signature");

        assertThat(url.getPath()).isEqualTo("/media/" + project + "/" + media + "/content");
        assertThat(urls(now.plus(Duration.ofDays(7)).minusSeconds(1))
                        .verify(project, media, AssetUrls.Variant.CONTENT, expires, signature))
                .isEqualTo(AssetUrls.Verdict.VALID);
        assertThat(urls(now.plus(Duration.ofDays(7)))
                        .verify(project, media, AssetUrls.Variant.CONTENT, expires, signature))
                .isEqualTo(AssetUrls.Verdict.EXPIRED);
        assertThat(issuing.verify(project, media, AssetUrls.Variant.JPEG, expires, signature))
                .isEqualTo(AssetUrls.Verdict.INVALID);
        assertThat(issuing.verify(UUID.randomUUID(), media, AssetUrls.Variant.CONTENT, expires, signature))
                .isEqualTo(AssetUrls.Verdict.INVALID);
        assertThat(issuing.verify(
                        project,
                        media,
                        AssetUrls.Variant.CONTENT,
                        Long.toString(Long.parseLong(expires) + 1),
                        signature))
                .isEqualTo(AssetUrls.Verdict.INVALID);
        assertThat(issuing.verify(project, media, AssetUrls.Variant.CONTENT, null, null))
                .isEqualTo(AssetUrls.Verdict.INVALID);
    }

    @Test
    void onlyAUrlWeSignedIsRenewedExpiredOrNot() {
        Instant issued = Instant.parse("2026-11-01T12:00:00Z");
        String old = urls(issued).url(project, media, AssetUrls.Variant.JPEG);
        AssetUrls now = urls(issued.plus(Duration.ofDays(30)));

        String renewed = now.refresh(old).orElseThrow();
        URI fresh = URI.create(renewed);
        assertThat(fresh.getPath()).isEqualTo("/media/" + project + "/" + media + "/jpeg");
        assertThat(now.verify(
                        project, media, AssetUrls.Variant.JPEG, param(fresh, "expires"), param(fresh, "signature")))
                .isEqualTo(AssetUrls.Verdict.VALID);
        assertThat(now.refresh(old.replace(media.toString(), UUID.randomUUID().toString())))
                .isEmpty();
        assertThat(now.refresh(old.replace("/jpeg?", "/content?"))).isEmpty();
        assertThat(now.refresh("https://elsewhere.example.com/x.jpg")).isEmpty();
        assertThat(now.refresh("not a url at all")).isEmpty();
    }

    private static AssetUrls urls(Instant now) {
        return new AssetUrls("https://media.example.com/", KEY, Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String param(URI url, String name) {
        for (String part : url.getRawQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + url);
    }
}
