package io.contentfactory.gateway.persistence;

import io.contentfactory.gateway.domain.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<ApiKey> findByLookupId(String lookupId) {
        return find("lookupId", lookupId).firstResult();
    }

    public Uni<List<ApiKey>> listForProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt", projectId);
    }
}
