package io.contentfactory.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "factory.metrics")
public interface MetricsConfig {
    /** The checkpoints after publishing, when a project has not set its own. */
    List<String> checkpoints();

    /** The real length of one checkpoint minute. */
    Duration minute();

    Duration lease();

    Duration maxSleep();

    /** Checkpoints claimed at once by one instance. */
    @WithDefault("32")
    int batch();

    /** Checkpoints one instance reads at the same time; a post's own are still read one after the other. */
    @WithDefault("64")
    int concurrency();

    /** Connections kept open to each platform host. */
    @WithDefault("64")
    int maxConnectionsPerHost();

    /** How a checkpoint the platform cannot answer yet is asked again, in checkpoint minutes. */
    Retry retry();

    Instagram instagram();

    TikTok tiktok();

    YouTube youtube();

    /** How a post's comments are read at its checkpoints. */
    Comments comments();

    /** Where read tokens come from: publisher-service's internal route, and the pair key to prove this service with. */
    Publisher publisher();

    interface Retry {
        /** The first wait; each further one doubles, up to {@code max-backoff-minutes}. */
        @WithDefault("1")
        long firstBackoffMinutes();

        @WithDefault("60")
        long maxBackoffMinutes();

        /** The shortest window a checkpoint is retried in, from its due time. */
        @WithDefault("15")
        long minWindowMinutes();

        /** The longest window: Instagram's data lags up to 48 h, YouTube Analytics' 72 h. */
        @WithDefault("4320")
        long maxWindowMinutes();
    }

    interface TikTok {
        /** The Display API's base, {@code https://open.tiktokapis.com} in production. */
        String baseUrl();

        @WithDefault("PT15S")
        Duration timeout();

        /** How long a video query waits for more of the same account's videos to ask in one call (up to 20). */
        @WithDefault("PT0.05S")
        Duration batchLinger();
    }

    interface YouTube {
        /** The Data API's base, {@code https://www.googleapis.com} in production ({@code /youtube/v3/…} follows). */
        String dataBaseUrl();

        /** The Analytics API's base, {@code https://youtubeanalytics.googleapis.com} in production. */
        String analyticsBaseUrl();

        @WithDefault("PT15S")
        Duration timeout();

        /**
         * Data API units a project may spend on reads per quota day (midnight to midnight Pacific); a read costs 1.
         * Google grants 10,000 a day to the whole client, so a deployment with many projects sets less each.
         */
        @WithDefault("10000")
        int dailyUnits();

        /** From this checkpoint on, the Analytics API is read (its data lags 48–72 h); before it, statistics. */
        @WithDefault("72h")
        String analyticsFrom();
    }

    interface Comments {
        /** Calls one checkpoint may spend on a post's comments (pages of 50, and reply pages); the rest waits. */
        @WithDefault("5")
        int maxPages();
    }

    interface Publisher {
        String baseUrl();

        String callKey();
    }

    interface Instagram {
        String baseUrl();

        String apiVersion();

        @WithDefault("PT15S")
        Duration timeout();

        /** From this share of a rate limit used (X-App-Usage, X-Business-Use-Case-Usage), an account's reads rest. */
        @WithDefault("90")
        int usageThreshold();

        /** How long they rest, unless Meta estimates longer. */
        @WithDefault("PT5M")
        Duration usageCoolDown();
    }
}
