package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.scheduler.domain.PostTarget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
        // An update, not a select: see TenantScope#bind on Hibernate's cache of native selects.
        return Panache.getSession().chain(s -> s
                        .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "plan:" + projectId + ":" + platform + ":" + accountId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Long> countPlanned(UUID projectId, String platform, String accountId) {
        return count("projectId = ?1 and platform = ?2 and accountId = ?3 and status = 'planned'", projectId, platform, accountId);
    }

    /** The latest slot of the queue that is not canceled or failed: the next post keeps its gap from it. */
    public Uni<Optional<Instant>> lastSlot(UUID projectId, String platform, String accountId) {
        String hql = "select max(t.scheduledAt) from PostTarget t where t.projectId = ?1 and t.platform = ?2"
                + " and t.accountId = ?3 and t.status not in ('canceled', 'failed')";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Instant.class)
                        .setParameter(1, projectId).setParameter(2, platform).setParameter(3, accountId)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    public Uni<java.util.List<PostTarget>> ofPost(UUID projectId, UUID postId) {
        return list("projectId = ?1 and postId = ?2 order by scheduledAt, platform, accountId", projectId, postId);
    }

    public Uni<java.util.List<PostTarget>> ofPosts(UUID projectId, java.util.Collection<UUID> postIds) {
        return list("projectId = ?1 and postId in ?2 order by scheduledAt, platform, accountId", projectId, postIds);
    }

    /** Targets with a slot in {@code [from, to)}, optionally in one status, by slot. */
    public Uni<java.util.List<PostTarget>> inWindow(UUID projectId, Instant from, Instant to, Optional<String> status) {
        return status.isPresent()
                ? list("projectId = ?1 and scheduledAt >= ?2 and scheduledAt < ?3 and status = ?4 order by scheduledAt, id",
                        projectId, from, to, status.get())
                : list("projectId = ?1 and scheduledAt >= ?2 and scheduledAt < ?3 order by scheduledAt, id", projectId, from, to);
    }

    /** Moves a planned target's slot and fences any claim on it, so it fires at the new time only. */
    public Uni<Void> reschedule(UUID projectId, UUID id, Instant at) {
        String sql = "update " + service.table("post_targets") + " set scheduled_at = ?1, fire_at = ?1, lease_epoch = lease_epoch + 1,"
                + " lease_until = null where project_id = ?2 and id = ?3 and fired_at is null";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, at.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, projectId).setParameter(3, id).executeUpdate()).replaceWithVoid();
    }

    /** A canceled target never fires: its timer is marked fired and any claim on it is fenced. */
    public Uni<Void> neverFire(UUID projectId, UUID id) {
        String sql = "update " + service.table("post_targets") + " set status = 'canceled', fired_at = now(),"
                + " lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?1 and id = ?2 and fired_at is null";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, projectId).setParameter(2, id)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<PostTarget> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
