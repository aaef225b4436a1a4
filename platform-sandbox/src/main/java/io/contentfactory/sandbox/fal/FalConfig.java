package io.contentfactory.sandbox.fal;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "sandbox.fal")
public interface FalConfig {

    /** The one key the queue accepts, sent as {@code Authorization: Key <key>}. */
    String apiKey();

    /** How long a request waits IN_QUEUE before a runner takes it. */
    Duration queueTime();

    /** How long it stays IN_PROGRESS. */
    Duration runTime();
}
