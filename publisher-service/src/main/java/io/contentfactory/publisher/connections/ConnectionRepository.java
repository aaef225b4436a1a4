package io.contentfactory.publisher.connections;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<PlatformConnection, UUID> {

    public Uni<PlatformConnection> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    public Uni<PlatformConnection> findAccount(UUID projectId, String platform, String accountId) {
        return find("projectId = ?1 and platform = ?2 and accountId = ?3", projectId, platform, accountId).firstResult();
    }

    public Uni<List<PlatformConnection>> listInProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }
}
