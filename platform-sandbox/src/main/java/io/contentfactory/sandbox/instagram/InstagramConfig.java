package io.contentfactory.sandbox.instagram;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "sandbox.instagram")
public interface InstagramConfig {
    /** ig user id to access token. */
    Map<String, String> accounts();

    Duration imageProcessing();

    Duration videoProcessing();

    Duration containerTtl();

    int publishLimit();

    /**
     * Read calls (insights and comments) an account may make in a rolling hour, its Business Use Case budget: each
     * insights answer reports the share used in {@code X-Business-Use-Case-Usage}; past 100 % calls fail with 80002.
     */
    @io.smallrye.config.WithDefault("4800")
    int readsPerHour();

    /** How long a post's insights answer an empty {@code data} after publishing. */
    @io.smallrye.config.WithDefault("PT0S")
    Duration insightsDelay();
}
