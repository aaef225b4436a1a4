package io.contentfactory.publisher.platform;

import io.contentfactory.kit.net.PooledHttp;
import io.smallrye.config.ConfigMapping;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one HTTP client every platform call and media fetch shares. Thousands of jobs poll at once, so it keeps many
 * connections per host alive instead of Vert.x's default of five, behind which every poll would queue.
 */
@ApplicationScoped
public class PlatformHttp {

    @ConfigMapping(prefix = "factory.publisher.http")
    public interface Config {
        /** Connections kept open to each host; calls beyond them wait for one. */
        int maxConnectionsPerHost();
    }

    @Produces
    @Singleton
    WebClient webClient(Vertx vertx, Config config) {
        return PooledHttp.client(vertx, config.maxConnectionsPerHost(), "content-factory-publisher");
    }
}
