package io.contentfactory.coach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Set;

@ConfigMapping(prefix = "factory.coach")
public interface CoachConfig {

    /** The checkpoints whose collection writes an insight about the post's media (the seed: +24h and +7d). */
    @WithDefault("24h,7d")
    Set<String> insightCheckpoints();

    /** Creative briefs and derivative-media plans. */
    Briefs briefs();

    /** Each account's learned model (docs/learning.md). */
    Learning learning();

    /** Which account a connection is: publisher-service's internal route, and the pair key to prove this service. */
    Publisher publisher();

    /** The services that may call this one's internal routes. */
    Internal internal();

    interface Internal {
        /**
         * The base64url pair key studio-service shares with this service: it reads the briefs and plans it generates
         * posts from. Unset: nobody may call.
         */
        java.util.Optional<String> studioServiceKey();
    }

    interface Learning {
        /** The checkpoint whose outcome the model predicts (the issue: +7d). */
        @WithDefault("7d")
        String checkpoint();

        /** The fewest measured posts a first version is learned from; below it the defaults stand. */
        @WithDefault("10")
        int minPosts();

        /** How many newly measured posts make a new version. */
        @WithDefault("5")
        int refitEvery();

        /** How many of the account's latest measured posts a version is learned from. */
        @WithDefault("500")
        int historyPosts();

        /** The prior variance of a content effect before any account is pooled: wide, zero-centred. */
        @WithDefault("1.0")
        double contentPriorVariance();

        /** The prior variance of an hour's and a day's effect, centred on flat hours. */
        @WithDefault("0.25")
        double slotPriorVariance();

        /** The least a pooled prior's variance may shrink to, so that no account is pinned to the others. */
        @WithDefault("0.05")
        double pooledPriorFloor();

        /** How many versions the model route lists, newest first. */
        @WithDefault("20")
        int historyShown();
    }

    interface Publisher {
        String baseUrl();

        /** The base64url pair key coach-service shares with publisher-service. */
        String callKey();
    }

    interface Briefs {
        /**
         * The checkpoint at which a post that beat its account's baseline gets an {@code own_top_post} brief and its
         * derivative plans, written by the coach itself (the issue: +7d).
         */
        @WithDefault("7d")
        String topPostCheckpoint();

        /** Platforms a brief names when the project has published nothing yet, best first. */
        @WithDefault("instagram,tiktok,youtube")
        List<String> defaultPlatforms();

        /** How many of the project's latest publications its posting guidance is learned from. */
        @WithDefault("500")
        int historyPosts();
    }
}
