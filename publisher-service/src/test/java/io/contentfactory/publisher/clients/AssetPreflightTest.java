package io.contentfactory.publisher.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.publisher.domain.PublishFailure;
import io.vertx.mutiny.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AssetPreflightTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final AssetPreflight PREFLIGHT = new AssetPreflight(
            new AssetPreflight.Config() {
                @Override
                public List<String> origins() {
                    return List.of("https://Media.Example.com/", "https://cdn.example.com:8443");
                }

                @Override
                public String pathPrefix() {
                    return "/media/";
                }

                @Override
                public boolean requireHttps() {
                    return true;
                }
            },
            io.vertx.mutiny.ext.web.client.WebClient.create(VERTX));

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    @Test
    void ourAssetUrlsAreCanonicalisedWithoutTheirFragment() {
        assertThat(PREFLIGHT.canonicalUrl(" https://MEDIA.example.com/media/p/1/content?sig=abc&exp=9#top "))
                .isEqualTo("https://media.example.com/media/p/1/content?sig=abc&exp=9");
        assertThat(PREFLIGHT.canonicalUrl("https://cdn.example.com:8443/media/a.jpg"))
                .isEqualTo("https://cdn.example.com:8443/media/a.jpg");
    }

    @Test
    void everythingElseIsRefusedWithItsOwnCode() {
        refused("http://media.example.com/media/a.jpg", "media_url_not_https");
        refused("ftp://media.example.com/media/a.jpg", "media_url_not_https");
        refused("data:image/jpeg;base64,/9j/4AAQ", "media_url_data");
        refused("DATA:image/png;base64,iVBOR", "media_url_data");
        refused("https://evil.example.com/media/a.jpg", "media_url_foreign");
        refused("https://media.example.com.evil.net/media/a.jpg", "media_url_foreign");
        refused("https://user@media.example.com/media/a.jpg", "media_url_foreign");
        refused("https://media.example.com/other/a.jpg", "media_url_foreign");
        refused("https://media.example.com/media/../secrets", "media_url_foreign");
        refused("https://cdn.example.com/media/a.jpg", "media_url_foreign");
        refused("https://media.example.com/media/a b.jpg", "media_url_invalid");
        refused("  ", "media_url_missing");
    }

    private static void refused(String url, String code) {
        assertThatThrownBy(() -> PREFLIGHT.canonicalUrl(url))
                .as(url)
                .isInstanceOfSatisfying(PublishFailure.class, failure -> {
                    assertThat(failure.error().code()).isEqualTo(code);
                    assertThat(failure.error().stage()).isEqualTo("asset_preflight");
                    assertThat(failure.error().retryable()).isFalse();
                });
    }
}
