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

    /** How long a post's insights answer an empty {@code data} after publishing. */
    @io.smallrye.config.WithDefault("PT0S")
    Duration insightsDelay();
}
