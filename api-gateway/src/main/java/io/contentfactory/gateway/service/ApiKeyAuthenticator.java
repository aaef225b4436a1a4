package io.contentfactory.gateway.service;

import io.contentfactory.gateway.domain.ApiKeyFormat;
import io.contentfactory.gateway.domain.KeyHasher;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Resolves a presented API key to exactly one project.
 *
 * <p>Well-formedness and the checksum are checked first, without I/O. The stored record is cached by lookup id
 * for {@code factory.gateway.key-cache-ttl} (10 s by default), so a revoked or expired key stops working within
 * that time on every instance. The HMAC comparison runs on every request, so a cache entry never lets a wrong
 * secret with a right lookup id through. {@code last_used_at} is written at most once a minute per key.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final KeyHasher hasher;
    private final ServiceConfig service;
    private final TenantScope tenancy;
    private final Duration cacheTtl;
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(
            KeyHasher hasher,
            ServiceConfig service,
            TenantScope tenancy,
            @ConfigProperty(name = "factory.gateway.key-cache-ttl", defaultValue = "10s") Duration cacheTtl) {
        this.hasher = hasher;
        this.service = service;
        this.tenancy = tenancy;
        this.cacheTtl = cacheTtl;
    }

    /** The caller, or empty for a missing, malformed, unknown, revoked, expired or wrong key: all look the same. */
    public Uni<Optional<Principal>> authenticate(String presentedKey) {
        Optional<ApiKeyFormat.ParsedKey> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String lookupId = parsed.get().lookupId();
        Instant now = Instant.now();
        CachedKey cached = cache.get(lookupId);
        Uni<Optional<StoredKey>> stored = cached != null && cached.freshAt(now)
                ? Uni.createFrom().item(cached.key())
                : load(lookupId).invoke(key -> cache.put(lookupId, new CachedKey(key, now.plus(cacheTtl))));
        return stored.map(key -> key.filter(k -> k.usableAt(now) && hasher.matches(presentedKey, k.hash()))
                .map(k -> {
                    touch(k.principal().projectId(), k.keyId(), now);
                    return k.principal();
                }));
    }

    private Uni<Optional<StoredKey>> load(String lookupId) {
        String sql = "select k.id, k.project_id, k.key_hash, k.scopes, k.expires_at, k.revoked_at,"
                + " p.rate_limit_per_second, p.rate_limit_burst"
                + " from " + service.table("api_keys") + " k join " + service.table("projects")
                + " p on p.id = k.project_id"
                + " where k.lookup_id = $1";
        // The tenant is what this lookup finds out, so it reads as the system role.
        return tenancy.asSystem(connection -> connection.preparedQuery(sql).execute(Tuple.of(lookupId)))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = iterator.next();
                    Set<Scope> scopes = Scope.parseAll(row.getString("scopes"));
                    Principal principal = new Principal(
                            row.getUUID("project_id"),
                            row.getUUID("id"),
                            scopes,
                            row.getInteger("rate_limit_per_second"),
                            row.getInteger("rate_limit_burst"));
                    return Optional.of(new StoredKey(
                            row.getUUID("id"),
                            row.getString("key_hash"),
                            instant(row.getOffsetDateTime("expires_at")),
                            instant(row.getOffsetDateTime("revoked_at")),
                            principal));
                });
    }

    private void touch(UUID projectId, UUID keyId, Instant now) {
        Instant written = lastUsedWritten.get(keyId);
        if (written != null && written.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUsedWritten.put(keyId, now);
        String sql = "update " + service.table("api_keys") + " set last_used_at = $2 where project_id = $1 and id = $3";
        tenancy.inProject(
                        projectId,
                        connection -> connection
                                .preparedQuery(sql)
                                .execute(Tuple.of(projectId, now.atOffset(java.time.ZoneOffset.UTC), keyId)))
                .subscribe()
                .with(ok -> {}, failure -> LOG.debugf("last_used_at not written: %s", failure.getMessage()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private record StoredKey(UUID keyId, String hash, Instant expiresAt, Instant revokedAt, Principal principal) {
        boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private record CachedKey(Optional<StoredKey> key, Instant freshUntil) {
        boolean freshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }
}
