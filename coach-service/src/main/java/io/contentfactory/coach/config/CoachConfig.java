package io.contentfactory.coach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "factory.coach")
public interface CoachConfig {

    /** The checkpoints whose collection writes an insight about the post's media (the seed: +24h and +7d). */
    @WithDefault("24h,7d")
    Set<String> insightCheckpoints();
}
