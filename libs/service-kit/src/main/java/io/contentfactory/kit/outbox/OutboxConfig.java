package io.contentfactory.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "factory.outbox")
public interface OutboxConfig {
    /** Off only to simulate a service that dies between commit and publish. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The relay wakes on NOTIFY; this poll catches anything a lost notification missed. */
    @WithDefault("2s")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Published rows are kept this long for audit, then purged. */
    @WithDefault("P7D")
    Duration retention();
}
