package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.scheduler.domain.PostTarget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostTargetRepository implements PanacheRepositoryBase<PostTarget, UUID> {

    private final ServiceConfig service;

    PostTargetRepository(ServiceConfig service) {
        this.service = service;
    }

    /** Serialises planning of one queue (project, platform, account) until the transaction ends. */
    public Uni<Void> lockQueue(UUID projectId, String platform, String accountId) {
        return Panache.getSession().chain(s -> s
                        .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "plan:" + projectId + ":" + platform + ":" + accountId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Long> countPlanned(UUID projectId, String platform, String accountId) {
        return count("projectId = ?1 and platform = ?2 and accountId = ?3 and status = 'planned'", projectId, platform, accountId);
    }

    /** The latest slot of the queue that is not canceled or failed: the next post keeps its gap from it. */
    public Uni<Optional<Instant>> lastSlot(UUID projectId, String platform, String accountId) {
        String sql = "select max(scheduled_at) from " + service.table("post_targets")
                + " where project_id = ?1 and platform = ?2 and account_id = ?3 and status not in ('canceled', 'failed')";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, OffsetDateTime.class)
                        .setParameter(1, projectId).setParameter(2, platform).setParameter(3, accountId)
                        .getSingleResultOrNull())
                .map(slot -> Optional.ofNullable(slot).map(OffsetDateTime::toInstant));
    }

    public Uni<PostTarget> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
