package io.contentfactory.ingest.domain;

import io.contentfactory.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "Content Factory asset URLs": where platforms and the pipeline fetch a media item's bytes. Each is signed
 * (HMAC-SHA256 over project, item, variant and expiry) and expires, so a URL cannot be guessed, altered to reach
 * another item, or used for ever. ingest-service serves them ({@code /media/...}); an S3 store redirects to its own
 * presigned URL.
 */
@ApplicationScoped
public class AssetUrls {

    /** The bytes as received, the JPEG rendition made for Instagram, or the thumbnail analysis chose. */
    public enum Variant {
        CONTENT("content"),
        JPEG("jpeg"),
        THUMBNAIL("thumbnail");

        private final String path;

        Variant(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    private final String baseUrl;
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    AssetUrls(IngestConfig config) {
        this(
                config.publicBaseUrl(),
                config.assetUrls().signingKey(),
                config.assetUrls().ttl(),
                Clock.systemUTC());
    }

    AssetUrls(String baseUrl, String base64Key, Duration ttl, Clock clock) {
        byte[] secret = Base64.getDecoder().decode(base64Key.strip());
        if (secret.length < 32) {
            throw new IllegalArgumentException("factory.ingest.asset-urls.signing-key must hold at least 32 bytes");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public String url(UUID projectId, UUID mediaId, Variant variant) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return baseUrl + "/media/" + projectId + "/" + mediaId + "/" + variant.path() + "?expires=" + expires
                + "&signature=" + signature(projectId, mediaId, variant, expires);
    }

    public Verdict verify(UUID projectId, UUID mediaId, Variant variant, String expires, String signature) {
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            return Verdict.INVALID;
        }
        byte[] expected = signature(projectId, mediaId, variant, expiresAt).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Verdict.INVALID;
        }
        return Instant.ofEpochSecond(expiresAt).isAfter(clock.instant()) ? Verdict.VALID : Verdict.EXPIRED;
    }

    /**
     * A fresh URL for the same item and variant as {@code url}, if {@code url} is one this service signed (expired or
     * not); empty for anything else. For services that hold a URL longer than it lives (a post scheduled weeks ahead).
     */
    public java.util.Optional<String> refresh(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        String[] segments = String.valueOf(uri.getRawPath()).split("/");
        if (segments.length != 5 || !"media".equals(segments[1]) || uri.getRawQuery() == null) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            UUID projectId = UUID.fromString(segments[2]);
            UUID mediaId = UUID.fromString(segments[3]);
            for (Variant variant : Variant.values()) {
                if (variant.path().equals(segments[4])
                        && verify(projectId, mediaId, variant, query.get("expires"), query.get("signature"))
                                != Verdict.INVALID) {
                    return java.util.Optional.of(url(projectId, mediaId, variant));
                }
            }
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    private String signature(UUID projectId, UUID mediaId, Variant variant, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String message = projectId + "\n" + mediaId + "\n" + variant.path() + "\n" + expires;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
