package io.contentfactory.kit.db;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One LISTEN connection per service for Postgres NOTIFY channels. It reconnects by itself;
 * listeners must also poll, because a notification sent while disconnected is lost.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final String reactiveUrl;
    private final String username;
    private final java.util.Optional<String> password;
    private final Map<String, Runnable> listeners = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    PgNotifications(
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    public synchronized void listen(String channel, Runnable onNotify) {
        listeners.put(channel, onNotify);
        subscriber().channel(channel).handler(payload -> onNotify.run());
    }

    private PgSubscriber subscriber() {
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
            // The URL carries no credentials: they come from the datasource settings, as for the pool.
            options.setUser(username);
            password.ifPresent(options::setPassword);
            subscriber =
                    PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
            subscriber
                    .connect()
                    .subscribe()
                    .with(
                            ok -> LOG.debugf("listening on %s", listeners.keySet()),
                            failure -> LOG.warnf(
                                    "LISTEN connection failed, relying on polling: %s", failure.getMessage()));
        }
        return subscriber;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
