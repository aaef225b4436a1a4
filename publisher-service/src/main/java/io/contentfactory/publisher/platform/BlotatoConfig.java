package io.contentfactory.publisher.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "factory.publisher.blotato")
public interface BlotatoConfig {
    /** {@code https://backend.blotato.com} in production. */
    String baseUrl();

    /** How long a submission may take to answer; one that does not answer in time is not repeated. */
    @WithDefault("PT30S")
    java.time.Duration submitTimeout();

    PollPolicy poll();
}
