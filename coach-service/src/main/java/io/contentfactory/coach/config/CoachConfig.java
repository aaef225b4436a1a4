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
