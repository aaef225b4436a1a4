package io.contentfactory.publisher.clients;

import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a job would send before any platform is called: the media URL must be one of our own storage's public
 * URLs (https, a configured origin and path, fragment removed; {@code data:} and other hosts refused), it must answer
 * 2xx with a content type the format accepts (JPEG for Instagram images), and the caption must fit the platform.
 * Every refusal is a non-retryable {@link PublishFailure} at stage {@code asset_preflight}.
 */
@ApplicationScoped
public class AssetPreflight {

    private static final String STAGE = "asset_preflight";

    @ConfigMapping(prefix = "factory.publisher.assets")
    public interface Config {
        /** Our storage's public origins, for example {@code https://media.example.com}. */
        List<String> origins();

        /** The path every asset URL starts with. */
        @WithDefault("/media/")
        String pathPrefix();

        /** Platforms fetch over https only; a local stack without TLS turns this off. */
        @WithDefault("true")
        boolean requireHttps();
    }

    private final Config config;
    private final WebClient http;

    AssetPreflight(Config config, WebClient http) {
        this.http = http;
        this.config = config;
    }

    /** The URL as it will be sent: parsed, checked against our storage, without its fragment. */
    public String canonicalUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw refused("media_url_missing", "the post target has no media URL", Map.of());
        }
        if (raw.strip().regionMatches(true, 0, "data:", 0, 5)) {
            throw refused(
                    "media_url_data",
                    "data: URLs cannot be published: platforms fetch media from our storage",
                    Map.of());
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw refused("media_url_invalid", "the media URL does not parse: " + e.getMessage(), Map.of());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (config.requireHttps()
                ? !"https".equals(scheme)
                : !Set.of("https", "http").contains(scheme)) {
            throw refused("media_url_not_https", "the media URL must be https", Map.of("scheme", scheme));
        }
        String origin = scheme + "://"
                + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean ours = config.origins().stream()
                        .map(o -> o.replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                        .anyMatch(origin::equals)
                && path.startsWith(config.pathPrefix())
                && uri.getRawUserInfo() == null
                && !path.contains("/../");
        if (!ours) {
            throw refused(
                    "media_url_foreign",
                    "the media URL is not one of this installation's asset URLs",
                    Map.of("origin", origin));
        }
        return origin + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * A carousel's items with their URLs canonical: 2 to 10 of them for a carousel, none for any other format.
     */
    public List<CarouselItem> canonicalCarousel(PostFormat format, List<CarouselItem> items) {
        if (format != PostFormat.CAROUSEL) {
            if (!items.isEmpty()) {
                throw refused(
                        "carousel_unexpected",
                        "only a carousel has carousel items",
                        Map.of("format", format.name().toLowerCase(Locale.ROOT)));
            }
            return items;
        }
        if (items.size() < 2 || items.size() > 10) {
            throw refused(
                    "carousel_size",
                    "a carousel has 2 to 10 items, not " + items.size(),
                    Map.of("items", items.size()));
        }
        return items.stream()
                .map(item -> new CarouselItem(
                        item.mediaId(), item.mediaType(), canonicalUrl(item.mediaUrl()), item.contentType()))
                .toList();
    }

    /** Checks every media the job sends: the carousel's items one by one, or its one media. */
    public Uni<Void> check(PublishRequest request) {
        if (request.carousel().isEmpty()) {
            return check(request.mediaUrl(), request.format());
        }
        return Multi.createFrom()
                .iterable(request.carousel())
                .onItem()
                .transformToUniAndConcatenate(item -> check(
                        item.mediaUrl(), item.mediaType() == MediaType.IMAGE ? PostFormat.FEED_IMAGE : PostFormat.REEL))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Fetches the head of the media and checks its status and content type for the format. */
    public Uni<Void> check(String canonicalUrl, PostFormat format) {
        return http.headAbs(canonicalUrl)
                .timeout(10_000)
                .send()
                .onFailure()
                .transform(failure -> refusedRetryable(
                        "media_unreachable",
                        "our storage did not answer for the media: " + failure.getMessage(),
                        Map.of()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw refused(
                                "media_unreachable",
                                "our storage answered HTTP " + response.statusCode() + " for the media",
                                Map.of("http_status", response.statusCode()));
                    }
                    String type =
                            String.valueOf(response.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
                    Set<String> accepted = acceptedTypes(format);
                    if (accepted.stream().noneMatch(type::startsWith)) {
                        throw refused(
                                format == PostFormat.FEED_IMAGE || format == PostFormat.CAROUSEL
                                        ? "media_not_jpeg"
                                        : "media_type_unsupported",
                                "a " + format.name().toLowerCase(Locale.ROOT) + " takes "
                                        + String.join(
                                                " or ",
                                                accepted.stream().sorted().toList()) + ", not " + type,
                                Map.of(
                                        "content_type",
                                        type,
                                        "accepted",
                                        accepted.stream().sorted().toList()));
                    }
                    return null;
                });
    }

    /** What each format's platform accepts: Instagram publishes JPEG images only. */
    static Set<String> acceptedTypes(PostFormat format) {
        return switch (format) {
            case FEED_IMAGE, CAROUSEL -> Set.of("image/jpeg");
            case REEL -> Set.of("video/mp4", "video/quicktime");
            case TIKTOK_VIDEO -> Set.of("video/mp4", "video/webm", "video/quicktime");
            case SHORT -> Set.of("video/");
        };
    }

    private static PublishFailure refused(String code, String message, Map<String, Object> details) {
        return new PublishFailure(code, message, STAGE, false, details);
    }

    private static PublishFailure refusedRetryable(String code, String message, Map<String, Object> details) {
        return new PublishFailure(code, message, STAGE, true, details);
    }
}
