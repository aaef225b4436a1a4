package io.contentfactory.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "factory.consumer")
public interface ConsumerConfig {
    /** Attempts after the first, before the event goes to the dead-letter topic. */
    @WithDefault("4")
    int maxRetries();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** The longest wait between two tries while the database is out (an outage is waited out, never dead-lettered). */
    @WithDefault("10s")
    Duration maxOutageBackoff();
}
