package io.contentfactory.gateway.persistence;

import io.contentfactory.gateway.domain.ApiKey;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys. The operator API's reads and writes go through Hibernate (Panache); the edge's lookup of a presented key
 * and its {@code last_used_at} run on the Vert.x pool, since every request that misses the key cache waits for them.
 */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    private final TenantScope tenancy;
    private final String keyLookup;
    private final String touch;

    ApiKeyRepository(ServiceConfig service, TenantScope tenancy) {
        this.tenancy = tenancy;
        this.keyLookup = "select k.id, k.project_id, k.key_hash, k.scopes, k.expires_at, k.revoked_at,"
                + " p.rate_limit_per_second, p.rate_limit_burst"
                + " from " + service.table("api_keys") + " k join " + service.table("projects")
                + " p on p.id = k.project_id"
                + " where k.lookup_id = $1";
        this.touch = "update " + service.table("api_keys") + " set last_used_at = $2 where project_id = $1 and id = $3";
    }

    /** A key as stored, with what the edge needs to check it and the caller it stands for. */
    public record KeyOnFile(UUID keyId, String hash, Instant expiresAt, Instant revokedAt, Principal principal) {
        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    public Uni<ApiKey> findByLookupId(String lookupId) {
        return find("lookupId", lookupId).firstResult();
    }

    public Uni<List<ApiKey>> listForProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt", projectId);
    }

    /** The key with this lookup id, with its project's rate limits; read as the system role (the tenant is what it finds out). */
    public Uni<Optional<KeyOnFile>> keyOnFile(String lookupId) {
        return tenancy.asSystem(
                        connection -> connection.preparedQuery(keyLookup).execute(Tuple.of(lookupId)))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(keyOnFile(iterator.next())) : Optional.empty();
                });
    }

    /** Records when the key was last used. */
    public Uni<Void> touch(UUID projectId, UUID keyId, Instant at) {
        return tenancy.inProject(
                        projectId,
                        connection -> connection
                                .preparedQuery(touch)
                                .execute(Tuple.of(projectId, at.atOffset(ZoneOffset.UTC), keyId)))
                .replaceWithVoid();
    }

    private static KeyOnFile keyOnFile(Row row) {
        Principal principal = new Principal(
                row.getUUID("project_id"),
                row.getUUID("id"),
                Scope.parseAll(row.getString("scopes")),
                row.getInteger("rate_limit_per_second"),
                row.getInteger("rate_limit_burst"));
        return new KeyOnFile(
                row.getUUID("id"),
                row.getString("key_hash"),
                instant(row.getOffsetDateTime("expires_at")),
                instant(row.getOffsetDateTime("revoked_at")),
                principal);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
