package io.contentfactory.sandbox.tiktok;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "sandbox.tiktok")
public interface TikTokConfig {
    /** How long a video takes from fully received to PUBLISH_COMPLETE. */
    Duration processing();

    /** Video inits accepted per minute and user token. */
    @WithDefault("6")
    int initsPerMinute();

    /** {@code /v2/video/query/} calls accepted per minute (TikTok: 600 a minute per endpoint, a sliding window). */
    @WithDefault("600")
    int queriesPerMinute();

    /** The registered apps: client key to client secret. */
    Map<String, String> clients();

    /** Accounts with a fixed token (open id to access token), besides those granted at runtime. */
    Map<String, String> accounts();
}
