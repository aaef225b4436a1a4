package io.contentfactory.publisher.connections;

import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.publisher.platform.PublishFailure;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A project's platform connections: stored with encrypted tokens, never handed out, disabled rather than deleted. */
@ApplicationScoped
public class Connections {

    public static final Set<String> PLATFORMS = Set.of("instagram", "tiktok", "youtube", "blotato");
    public static final Set<String> SETTABLE_STATUSES = Set.of("active", "disabled");

    private final ConnectionRepository connections;
    private final TokenCipher cipher;
    private final TenantScope tenancy;

    Connections(ConnectionRepository connections, TokenCipher cipher, TenantScope tenancy) {
        this.connections = connections;
        this.cipher = cipher;
        this.tenancy = tenancy;
    }

    /** What a caller may set; absent fields of an update stay as they are. */
    public record Secrets(String accessToken, String refreshToken, Instant expiresAt) {
    }

    @WithTransaction
    public Uni<PlatformConnection> create(UUID projectId, String platform, String accountId, String label, Secrets secrets) {
        return tenancy.bind(projectId)
                .chain(() -> connections.findAccount(projectId, platform, accountId))
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("connection_exists",
                                "this project already has a " + platform + " connection for account " + accountId);
                    }
                    PlatformConnection connection = new PlatformConnection();
                    connection.projectId = projectId;
                    connection.id = UUID.randomUUID();
                    connection.platform = platform;
                    connection.accountId = accountId;
                    connection.label = label;
                    connection.status = "active";
                    connection.createdAt = Instant.now();
                    connection.updatedAt = connection.createdAt;
                    seal(connection, secrets);
                    return connections.persist(connection);
                });
    }

    @WithTransaction
    public Uni<PlatformConnection> update(UUID projectId, UUID id, Optional<String> status, Optional<String> label,
            Optional<Secrets> secrets) {
        return tenancy.bind(projectId).chain(() -> connections.findInProject(projectId, id)).map(connection -> {
            if (connection == null) {
                throw ProblemException.notFound("connection", id);
            }
            status.ifPresent(value -> connection.status = value);
            label.ifPresent(value -> connection.label = value);
            secrets.ifPresent(value -> seal(connection, value));
            connection.updatedAt = Instant.now();
            return connection;
        });
    }

    @WithTransaction
    public Uni<PlatformConnection> get(UUID projectId, UUID id) {
        return tenancy.bind(projectId).chain(() -> connections.findInProject(projectId, id)).map(connection -> {
            if (connection == null) {
                throw ProblemException.notFound("connection", id);
            }
            return connection;
        });
    }

    @WithTransaction
    public Uni<List<PlatformConnection>> list(UUID projectId) {
        return tenancy.bind(projectId).chain(() -> connections.listInProject(projectId));
    }

    /**
     * The access token to publish with for one account of the project bound to the current transaction. A missing
     * or disabled connection is a publish failure that retrying does not cure.
     */
    public Uni<String> accessTokenFor(UUID projectId, String platform, String accountId) {
        return connections.findAccount(projectId, platform, accountId).map(connection -> {
            if (connection == null) {
                throw new PublishFailure("connection_not_found", "the project has no " + platform + " connection for account "
                        + accountId, "internal", false, Map.of("platform", platform, "account_id", accountId));
            }
            if (!"active".equals(connection.status)) {
                throw new PublishFailure("connection_" + connection.status, "the " + platform + " connection for account "
                        + accountId + " is " + connection.status, "internal", false,
                        Map.of("connection_id", connection.id.toString(), "status", connection.status));
            }
            return cipher.decrypt(connection.accessToken, connection.tokenKeyId, connection.aad("access_token"));
        });
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
