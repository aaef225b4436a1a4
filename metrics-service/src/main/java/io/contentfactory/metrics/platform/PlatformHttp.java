package io.contentfactory.metrics.platform;

import io.contentfactory.metrics.config.MetricsConfig;
import io.vertx.ext.web.client.WebClientOptions;
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
        return WebClient.create(
                vertx,
                new WebClientOptions()
                        .setMaxPoolSize(config.maxConnectionsPerHost())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(30)
                        .setConnectTimeout(10_000)
                        .setUserAgent("content-factory-metrics"));
    }
}
