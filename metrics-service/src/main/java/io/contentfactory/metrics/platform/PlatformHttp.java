package io.contentfactory.metrics.platform;

import io.contentfactory.kit.net.PooledHttp;
import io.contentfactory.metrics.config.MetricsConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one HTTP client every platform read shares, with enough connections per host for many checkpoints at once. */
@ApplicationScoped
public class PlatformHttp {

    @Produces
    @Singleton
    WebClient webClient(Vertx vertx, MetricsConfig config) {
        return PooledHttp.client(vertx, config.maxConnectionsPerHost(), "content-factory-metrics");
    }
}
