package io.contentfactory.publisher.persistence;

import io.contentfactory.publisher.domain.PublishJob;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PublishJobRepository implements PanacheRepositoryBase<PublishJob, UUID> {

    /** The latest attempt for a target: {@code created_at DESC, id DESC}. */
    public Uni<PublishJob> latestForTarget(UUID projectId, UUID targetId) {
        return find("projectId = ?1 and targetId = ?2 order by createdAt desc, id desc", projectId, targetId)
                .firstResult();
    }

    /** Publishes this account started on its platform since {@code since}; run it bound to the project. */
    public Uni<QuotaLedger.Starts> startsSince(UUID projectId, String platform, String accountId, Instant since) {
        return find(
                        "projectId = ?1 and platform = ?2 and accountId = ?3 and startedAt >= ?4 order by startedAt",
                        projectId,
                        platform,
                        accountId,
                        since)
                .list()
                .map(started ->
                        new QuotaLedger.Starts(started.size(), started.isEmpty() ? null : started.get(0).startedAt));
    }

    public Uni<java.util.List<PublishJob>> latest(UUID projectId, int limit) {
        return find("projectId = ?1 order by createdAt desc, id desc", projectId)
                .page(0, limit)
                .list();
    }

    /** A target's jobs, latest first. */
    public Uni<java.util.List<PublishJob>> forTarget(UUID projectId, UUID targetId) {
        return list("projectId = ?1 and targetId = ?2 order by createdAt desc, id desc", projectId, targetId);
    }

    public Uni<PublishJob> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
