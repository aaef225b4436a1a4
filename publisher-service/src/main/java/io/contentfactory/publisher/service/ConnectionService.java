package io.contentfactory.publisher.service;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.ConnectionNeedsReauth;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.publisher.config.TokenRefreshConfig;
import io.contentfactory.publisher.domain.ConnectionStatus;
import io.contentfactory.publisher.domain.PlatformConnection;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.TokenGrant;
import io.contentfactory.publisher.persistence.ConnectionRepository;
import io.contentfactory.publisher.platform.PlatformAdapters;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A project's platform connections: stored with encrypted tokens, never handed out, disabled rather than deleted. */
@ApplicationScoped
public class ConnectionService {

    public static final Set<String> PLATFORMS = Set.of("instagram", "tiktok", "youtube", "blotato");
    private final ConnectionRepository connections;
    private final TokenCipher cipher;
    private final TenantScope tenancy;
    private final PlatformAdapters adapters;
    private final TokenRefreshConfig refresh;
    private final Outbox outbox;

    ConnectionService(
            ConnectionRepository connections,
            TokenCipher cipher,
            TenantScope tenancy,
            PlatformAdapters adapters,
            TokenRefreshConfig refresh,
            Outbox outbox) {
        this.connections = connections;
        this.cipher = cipher;
        this.tenancy = tenancy;
        this.adapters = adapters;
        this.refresh = refresh;
        this.outbox = outbox;
    }

    /** What a caller may set; absent fields of an update stay as they are. */
    public record Secrets(String accessToken, String refreshToken, Instant expiresAt) {}

    @WithTransaction
    @WithSpan("ConnectionService.create")
    public Uni<PlatformConnection> create(
            @SpanAttribute("project.id") UUID projectId,
            String platform,
            String accountId,
            String label,
            Secrets secrets) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findAccount(projectId, platform, accountId))
                .chain(existing -> {
                    if (existing != null) {
                        throw new DomainError.Conflict(
                                "connection_exists",
                                "this project already has a " + platform + " connection for account " + accountId);
                    }
                    PlatformConnection connection = new PlatformConnection();
                    connection.projectId = projectId;
                    connection.id = UUID.randomUUID();
                    connection.platform = platform;
                    connection.accountId = accountId;
                    connection.label = label;
                    connection.status = ConnectionStatus.ACTIVE;
                    connection.createdAt = Instant.now();
                    connection.updatedAt = connection.createdAt;
                    seal(connection, secrets);
                    Instant next = nextRefresh(connection);
                    connection.refreshAt = next == null ? connection.createdAt : next;
                    connection.firedAt = next == null ? connection.createdAt : null;
                    return connections.persist(connection);
                });
    }

    @WithTransaction
    @WithSpan("ConnectionService.update")
    public Uni<PlatformConnection> update(
            @SpanAttribute("project.id") UUID projectId,
            UUID id,
            Optional<ConnectionStatus> status,
            Optional<String> label,
            Optional<Secrets> secrets) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findInProject(projectId, id, LockModeType.PESSIMISTIC_WRITE))
                .chain(connection -> {
                    if (connection == null) {
                        throw new DomainError.NotFound("connection", id);
                    }
                    secrets.ifPresent(value -> {
                        seal(connection, value);
                        // New tokens are a new authorisation.
                        if (connection.status == ConnectionStatus.NEEDS_REAUTH) {
                            connection.status = ConnectionStatus.ACTIVE;
                            connection.lastError = null;
                        }
                    });
                    status.ifPresent(value -> connection.status = value);
                    label.ifPresent(value -> connection.label = value);
                    connection.updatedAt = Instant.now();
                    boolean rearm = secrets.isPresent() || status.isPresent();
                    return rearm
                            ? connections
                                    .scheduleRefresh(projectId, id, nextRefresh(connection))
                                    .replaceWith(connection)
                            : Uni.createFrom().item(connection);
                });
    }

    @WithTransaction
    @WithSpan("ConnectionService.get")
    public Uni<PlatformConnection> get(@SpanAttribute("project.id") UUID projectId, UUID id) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findInProject(projectId, id))
                .map(connection -> {
                    if (connection == null) {
                        throw new DomainError.NotFound("connection", id);
                    }
                    return connection;
                });
    }

    @WithTransaction
    @WithSpan("ConnectionService.list")
    public Uni<List<PlatformConnection>> list(@SpanAttribute("project.id") UUID projectId) {
        return tenancy.bind(projectId).chain(() -> connections.listInProject(projectId));
    }

    /**
     * The access token to publish with: the account's connection as read (null when the project has none), decrypted.
     * A missing or inactive connection is a publish failure that retrying does not cure.
     */
    public String usableToken(PlatformConnection connection, String platform, String accountId) {
        if (connection == null) {
            throw new PublishFailure(
                    "connection_not_found",
                    "the project has no " + platform + " connection for account " + accountId,
                    "internal",
                    false,
                    Map.of("platform", platform, "account_id", accountId));
        }
        if (connection.status != ConnectionStatus.ACTIVE) {
            throw new PublishFailure(
                    "connection_" + connection.status.wire(),
                    "the " + platform + " connection for account " + accountId + " is " + connection.status.wire(),
                    "internal",
                    false,
                    Map.of("connection_id", connection.id.toString(), "status", connection.status.wire()));
        }
        return cipher.decrypt(connection.accessToken, connection.tokenKeyId, connection.aad("access_token"));
    }

    /** What another service may read with: the access token and when it expires. */
    public record ReadToken(String accessToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "ReadToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Which platform account a connection is, for a service that keys its data by account. */
    public record ConnectedAccount(String platform, String accountId) {}

    /** The platform and account of one of the project's connections; 404 when the project has no such connection. */
    @WithTransaction
    @WithSpan("ConnectionService.accountOf")
    public Uni<ConnectedAccount> accountOf(@SpanAttribute("project.id") UUID projectId, UUID connectionId) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findInProject(projectId, connectionId))
                .map(connection -> {
                    if (connection == null) {
                        throw new DomainError.NotFound("connection", connectionId);
                    }
                    return new ConnectedAccount(connection.platform, connection.accountId);
                });
    }

    /**
     * The access token of one of the project's accounts, for a service that reads with it. 404 if the project has no
     * such connection, 409 ({@code connection_<status>}) if it is not active.
     */
    @WithTransaction
    @WithSpan("ConnectionService.readToken")
    public Uni<ReadToken> readToken(@SpanAttribute("project.id") UUID projectId, String platform, String accountId) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findAccount(projectId, platform, accountId))
                .map(connection -> {
                    if (connection == null) {
                        throw new DomainError.NotFound(platform + " connection for account", accountId);
                    }
                    if (connection.status != ConnectionStatus.ACTIVE) {
                        throw new DomainError.Conflict(
                                "connection_" + connection.status.wire(),
                                "the " + platform + " connection for account " + accountId + " is "
                                        + connection.status.wire());
                    }
                    return new ReadToken(tokensOf(connection).accessToken(), connection.tokenExpiresAt);
                });
    }

    /**
     * Another service's read was refused by the platform with this account's token (Instagram's 190): the connection
     * goes {@code needs_reauth}, with {@code connection.needs-reauth}, as when a refresh fails for good. New tokens
     * patched in make it active again. Nothing happens for a connection that is not active (or not there).
     */
    @WithTransaction
    @WithSpan("ConnectionService.tokenRefused")
    public Uni<Void> tokenRefused(
            @SpanAttribute("project.id") UUID projectId, String platform, String accountId, String reason) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findAccount(projectId, platform, accountId))
                .chain(connection -> connection == null || connection.status != ConnectionStatus.ACTIVE
                        ? Uni.createFrom().voidItem()
                        : markNeedsReauth(
                                projectId,
                                connection.id,
                                new PublishError(
                                        "platform_auth_invalid",
                                        reason == null || reason.isBlank() ? "the platform refused the token" : reason,
                                        "read",
                                        false,
                                        Map.of())));
    }

    /** A connection's tokens in clear, for a refresh; never logged, never returned by the API. */
    public record ClearTokens(String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "ClearTokens[redacted]";
        }
    }

    ClearTokens tokensOf(PlatformConnection connection) {
        String refreshToken = connection.refreshToken == null
                ? null
                : cipher.decrypt(connection.refreshToken, connection.tokenKeyId, connection.aad("refresh_token"));
        return new ClearTokens(
                cipher.decrypt(connection.accessToken, connection.tokenKeyId, connection.aad("access_token")),
                refreshToken);
    }

    /** Stores refreshed tokens; a grant without a refresh token keeps the stored one. Run it bound to the project. */
    Uni<Void> applyRefresh(UUID projectId, UUID id, TokenGrant grant) {
        return connections
                .findInProject(projectId, id)
                .invoke(connection -> {
                    seal(connection, new Secrets(grant.accessToken(), grant.refreshToken(), grant.expiresAt()));
                    connection.refreshedAt = Instant.now();
                    connection.updatedAt = connection.refreshedAt;
                    connection.lastError = null;
                })
                .replaceWithVoid();
    }

    /** A refresh failed for good: the connection stops publishing until it is connected again. Run it bound. */
    Uni<Void> markNeedsReauth(UUID projectId, UUID id, PublishError reason) {
        return connections
                .findInProject(projectId, id)
                .chain(connection -> {
                    connection.status = ConnectionStatus.NEEDS_REAUTH;
                    connection.lastError =
                            EventCodec.mapper().valueToTree(reason).toString();
                    connection.updatedAt = Instant.now();
                    return outbox.record(
                            projectId,
                            new ConnectionNeedsReauth(
                                    connection.id,
                                    Platform.valueOf(connection.platform.toUpperCase()),
                                    connection.accountId,
                                    reason,
                                    connection.updatedAt));
                })
                .replaceWithVoid();
    }

    /** When an active connection's token is refreshed next; null if it does not expire or the platform does not refresh. */
    Instant nextRefresh(PlatformConnection connection) {
        if (connection.tokenExpiresAt == null
                || connection.status != ConnectionStatus.ACTIVE
                || !adapters.of(connection.platform).refreshesTokens()) {
            return null;
        }
        return refreshTime(connection.platform, connection.tokenExpiresAt);
    }

    /** Ahead of a token's expiry by the platform's margin, but never sooner than halfway to it. */
    Instant refreshTime(String platform, Instant expiresAt) {
        Instant now = Instant.now();
        Instant ahead = expiresAt.minus(refresh.ahead().getOrDefault(platform, Duration.ofHours(1)));
        Instant halfway = now.plus(Duration.between(now, expiresAt).dividedBy(2));
        return ahead.isAfter(halfway) ? ahead : halfway.isAfter(now) ? halfway : now;
    }

    private void seal(PlatformConnection connection, Secrets secrets) {
        String previousKeyId = connection.tokenKeyId;
        connection.tokenKeyId = cipher.activeKeyId();
        connection.accessToken = cipher.encrypt(secrets.accessToken(), connection.aad("access_token"));
        if (secrets.refreshToken() != null) {
            connection.refreshToken = cipher.encrypt(secrets.refreshToken(), connection.aad("refresh_token"));
        } else if (connection.refreshToken != null && !cipher.activeKeyId().equals(previousKeyId)) {
            // A new access token never wipes the stored refresh token; it is re-sealed under the active key.
            String refresh = cipher.decrypt(connection.refreshToken, previousKeyId, connection.aad("refresh_token"));
            connection.refreshToken = cipher.encrypt(refresh, connection.aad("refresh_token"));
        }
        connection.tokenExpiresAt = secrets.expiresAt();
    }
}
