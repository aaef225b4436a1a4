package io.contentfactory.publisher.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "factory.publisher.youtube")
public interface YouTubeConfig {
    /** {@code https://www.googleapis.com} in production: the Data API and its upload endpoint. */
    String baseUrl();

    /** Google's OAuth token endpoint, {@code https://oauth2.googleapis.com/token} in production. */
    String tokenUrl();

    String clientId();

    String clientSecret();

    /** Whether subscribers are notified of a new Short ({@code notifySubscribers} on {@code videos.insert}). */
    @WithDefault("true")
    boolean notifySubscribers();

    @WithDefault("public")
    String privacyStatus();

    /** Uploads per account and day: the Data API's 10,000 daily units at 1,600 per {@code videos.insert}. */
    @WithDefault("6")
    int dailyUploads();

    /** The Data API's quota day ends at midnight Pacific time. */
    @WithDefault("America/Los_Angeles")
    ZoneId quotaZone();

    @WithDefault("https://youtube.com/shorts/{id}")
    String permalinkTemplate();

    /** How long sending the bytes may take before the session is asked how much arrived. */
    @WithDefault("PT5M")
    java.time.Duration uploadTimeout();

    PollPolicy poll();
}
