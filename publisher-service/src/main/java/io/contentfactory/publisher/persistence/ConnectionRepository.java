package io.contentfactory.publisher.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.publisher.domain.PlatformConnection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<PlatformConnection, UUID> {

    private final String table;

    ConnectionRepository(ServiceConfig service) {
        this.table = service.table("platform_connections");
    }

    public Uni<PlatformConnection> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    public Uni<PlatformConnection> findInProject(UUID projectId, UUID id, LockModeType lock) {
        return find("projectId = ?1 and id = ?2", projectId, id).withLock(lock).firstResult();
    }

    public Uni<PlatformConnection> findAccount(UUID projectId, String platform, String accountId) {
        return find("projectId = ?1 and platform = ?2 and accountId = ?3", projectId, platform, accountId)
                .firstResult();
    }

    /**
     * Sets when the connection's token is refreshed next, or that it is not ({@code null}), and fences off a refresh
     * that may be running on the old tokens by moving the lease epoch on. Run it bound to the project.
     */
    public Uni<Void> scheduleRefresh(UUID projectId, UUID id, Instant at) {
        String sql = "update " + table + " set fire_at = coalesce(cast(?1 as timestamptz), now()),"
                + " fired_at = case when cast(?1 as timestamptz) is null then now() end,"
                + " lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?2 and id = ?3";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, at == null ? null : at.atOffset(ZoneOffset.UTC))
                        .setParameter(2, projectId)
                        .setParameter(3, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<PlatformConnection>> listInProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }
}
