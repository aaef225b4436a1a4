package io.contentfactory.publisher.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "factory.publisher.tiktok")
public interface TikTokConfig {
    /** {@code https://open.tiktokapis.com} in production. */
    String baseUrl();

    /** The app's client key and secret, for refreshing tokens. */
    String clientKey();

    String clientSecret();

    /**
     * URL prefixes verified with TikTok (its URL ownership verification): media under one is sent as PULL_FROM_URL,
     * any other as a chunked FILE_UPLOAD.
     */
    Optional<List<String>> verifiedUrlPrefixes();

    /** FILE_UPLOAD chunk size in bytes (TikTok accepts 5 MB to 64 MB; a smaller file goes in one chunk). */
    @WithDefault("10000000")
    long chunkSize();

    /** Video inits TikTok accepts per minute and user token (its documented limit is 6). */
    @WithDefault("6")
    int initsPerMinute();

    @WithDefault("PUBLIC_TO_EVERYONE")
    String privacyLevel();

    /** Where a published video is seen: {@code {username}} and {@code {id}} are filled in. */
    @WithDefault("https://www.tiktok.com/@{username}/video/{id}")
    String permalinkTemplate();

    PollPolicy poll();
}
