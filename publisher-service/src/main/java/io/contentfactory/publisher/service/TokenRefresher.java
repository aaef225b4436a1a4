package io.contentfactory.publisher.service;

import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.publisher.config.PublisherConfig;
import io.contentfactory.publisher.config.TokenRefreshConfig;
import io.contentfactory.publisher.domain.ConnectionStatus;
import io.contentfactory.publisher.domain.PlatformConnection;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.TokenGrant;
import io.contentfactory.publisher.persistence.ConnectionRepository;
import io.contentfactory.publisher.platform.PlatformAdapters;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Refreshes connections' tokens before they expire: Instagram's long-lived token with {@code ig_refresh_token},
 * TikTok's with its rotating refresh token, YouTube's with Google OAuth. Each connection is a durable timer row, so a
 * refresh is due once across instances and survives restarts. A refresh the platform refuses for good turns the
 * connection {@code needs_reauth} and emits {@code connection.needs-reauth}; one that may succeed later is tried
 * again after {@code factory.publisher.token-refresh.retry}.
 */
@Startup
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);

    private final ConnectionRepository repository;
    private final ConnectionService connections;
    private final PlatformAdapters adapters;
    private final TenantScope tenancy;
    private final TokenRefreshConfig config;
    private final TimerLoop loop;

    TokenRefresher(
            TimerLoops loops,
            ConnectionRepository repository,
            ConnectionService connections,
            PlatformAdapters adapters,
            TenantScope tenancy,
            TokenRefreshConfig config,
            PublisherConfig publisher) {
        this.repository = repository;
        this.connections = connections;
        this.adapters = adapters;
        this.tenancy = tenancy;
        this.config = config;
        this.loop = loops.start(
                "token-refresh", "platform_connections", config.lease(), publisher.maxSleep(), 20, this::refresh);
    }

    /** A connection whose refresh time moved earlier was written by this instance: look again now. */
    public void wake() {
        loop.wake();
    }

    private Uni<Void> refresh(TimerClaim claim) {
        DurableTimer timer = loop.timer();
        return tenancy.transaction(claim.projectId(), () -> repository.findInProject(claim.projectId(), claim.id()))
                .chain(connection -> {
                    if (connection.status != ConnectionStatus.ACTIVE) {
                        return timer.fireWith(claim, () -> Uni.createFrom().voidItem());
                    }
                    ConnectionService.ClearTokens tokens = connections.tokensOf(connection);
                    return adapters.of(connection.platform)
                            .refresh(tokens.accessToken(), tokens.refreshToken())
                            .chain(grant -> stored(claim, connection, grant))
                            .onFailure(PublishFailure.class)
                            .recoverWithUni(failure -> refused(claim, connection, (PublishFailure) failure));
                });
    }

    private Uni<Void> stored(TimerClaim claim, PlatformConnection connection, TokenGrant grant) {
        LOG.infof(
                "connection %s (%s %s): token refreshed, now valid until %s",
                connection.id, connection.platform, connection.accountId, grant.expiresAt());
        Uni<Void> apply =
                Uni.createFrom().deferred(() -> connections.applyRefresh(claim.projectId(), claim.id(), grant));
        if (grant.expiresAt() == null) {
            return loop.timer().fireWith(claim, () -> apply);
        }
        return loop.timer()
                .rescheduleWith(claim, connections.refreshTime(connection.platform, grant.expiresAt()), () -> apply);
    }

    private Uni<Void> refused(TimerClaim claim, PlatformConnection connection, PublishFailure failure) {
        if (failure.error().retryable()) {
            LOG.warnf(
                    "connection %s: token refresh failed (%s), trying again in %s",
                    connection.id, failure.error().code(), config.retry());
            return loop.timer()
                    .postpone(claim, Instant.now().plus(config.retry()))
                    .replaceWithVoid();
        }
        LOG.warnf(
                "connection %s (%s %s) needs to be connected again: %s",
                connection.id,
                connection.platform,
                connection.accountId,
                failure.error().code());
        return loop.timer()
                .fireWith(claim, () -> connections.markNeedsReauth(claim.projectId(), claim.id(), failure.error()));
    }
}
