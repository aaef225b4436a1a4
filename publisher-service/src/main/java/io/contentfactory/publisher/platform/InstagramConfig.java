package io.contentfactory.publisher.platform;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "factory.publisher.instagram")
public interface InstagramConfig {
    String baseUrl();

    String apiVersion();

    PollPolicy poll();

    /** How long media_publish may take before its outcome is unknown and reconciled. */
    Duration publishTimeout();

    /** How long a job over the account's publishing quota waits before it looks again. */
    Duration quotaRecheck();
}
