package io.contentfactory.kit.net;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A web client for many calls at once to a few hosts (a platform's API): it keeps {@code connectionsPerHost}
 * connections alive instead of Vert.x's default of five, behind which concurrent calls would queue.
 */
public final class PooledHttp {

    private PooledHttp() {}

    public static WebClient client(Vertx vertx, int connectionsPerHost, String userAgent) {
        return WebClient.create(
                vertx,
                new WebClientOptions()
                        .setMaxPoolSize(connectionsPerHost)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(30)
                        .setConnectTimeout(10_000)
                        .setUserAgent(userAgent));
    }
}
