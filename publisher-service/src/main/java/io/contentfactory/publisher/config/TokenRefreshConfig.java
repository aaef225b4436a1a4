package io.contentfactory.publisher.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "factory.publisher.token-refresh")
public interface TokenRefreshConfig {
    /** How long before expiry each platform's token is refreshed (instagram, tiktok, youtube). */
    Map<String, Duration> ahead();

    /** When a refresh that may succeed later (the platform's 5xx, a network error) is tried again. */
    Duration retry();

    /** How long one refresh may hold its connection. */
    Duration lease();
}
