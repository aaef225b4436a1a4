package io.contentfactory.metrics.persistence;

import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<MetricCheckpoint, UUID> {
    public Uni<MetricCheckpoint> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
