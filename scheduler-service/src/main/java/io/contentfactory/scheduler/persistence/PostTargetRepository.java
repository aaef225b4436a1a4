package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostTargetRepository implements PanacheRepositoryBase<PostTarget, UUID> {

    /** Targets that hold no slot in their queue. */
    private static final List<TargetStatus> WITHOUT_SLOT =
            List.of(TargetStatus.QUEUED, TargetStatus.CANCELED, TargetStatus.FAILED);

    private final ServiceConfig service;
    private final TenantScope tenancy;

    PostTargetRepository(ServiceConfig service, TenantScope tenancy) {
        this.service = service;
        this.tenancy = tenancy;
    }

    /** Serialises planning of one queue (project, platform, account) until the transaction ends. */
    public Uni<Void> lockQueue(UUID projectId, String platform, String accountId) {
        // An update, not a select: see TenantScope#bind on Hibernate's cache of native selects.
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "plan:" + projectId + ":" + platform + ":" + accountId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Serialises, within one project, a post starting to wait for media with that media's arrival (or its failure)
     * until the transaction ends: without it, an analysis recorded while an upsert is deciding to wait would release
     * nothing, and the upsert's targets would wait for an arrival that has already happened.
     */
    public Uni<Void> lockMediaWaits(UUID projectId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "media-waits:" + projectId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The times, from {@code since} on, of the queue's posts that keep their slot: everything but queued, canceled and
     * failed targets. Older posts cannot bear on the plan (they are more than the maximum gap before its start).
     */
    public Uni<List<Instant>> occupied(UUID projectId, String platform, String accountId, Instant since) {
        String hql =
                "select t.scheduledAt from PostTarget t where t.projectId = ?1 and t.platform = ?2 and t.accountId = ?3"
                        + " and t.status not in ?5 and t.scheduledAt >= ?4";
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(hql, Instant.class)
                        .setParameter(1, projectId)
                        .setParameter(2, platform)
                        .setParameter(3, accountId)
                        .setParameter(4, since)
                        .setParameter(5, WITHOUT_SLOT)
                        .getResultList());
    }

    /** The slots of every account of the project on {@code platform} in {@code [from, to)}, for the daily cap. */
    public Uni<List<Instant>> platformSlots(UUID projectId, String platform, Instant from, Instant to) {
        String hql = "select t.scheduledAt from PostTarget t where t.projectId = ?1 and t.platform = ?2"
                + " and t.status not in ?5 and t.scheduledAt >= ?3 and t.scheduledAt < ?4";
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(hql, Instant.class)
                        .setParameter(1, projectId)
                        .setParameter(2, platform)
                        .setParameter(3, from)
                        .setParameter(4, to)
                        .setParameter(5, WITHOUT_SLOT)
                        .getResultList());
    }

    /** A queued target with its media's pre-social score (0 when not scored). */
    public record Waiting(UUID targetId, double score, Instant queuedAt) {}

    public Uni<List<Waiting>> waiting(UUID projectId, String platform, String accountId) {
        String hql = "select t.id, coalesce(m.preSocialScore, 0.0), t.queuedAt from PostTarget t left join MediaEntry m"
                + " on m.projectId = t.projectId and m.mediaId = t.mediaId"
                + " where t.projectId = ?1 and t.platform = ?2 and t.accountId = ?3 and t.status = ?4";
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(hql, Object[].class)
                        .setParameter(1, projectId)
                        .setParameter(2, platform)
                        .setParameter(3, accountId)
                        .setParameter(4, TargetStatus.QUEUED)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Waiting((UUID) row[0], ((Number) row[1]).doubleValue(), (Instant) row[2]))
                        .toList());
    }

    /** A queue: one project's account on one platform. */
    public record QueueKey(UUID projectId, String platform, String accountId) {}

    /** Every queue of every project that has targets waiting for a slot; read across projects, as the system. */
    public Uni<List<QueueKey>> queuesWaiting() {
        String sql = "select distinct project_id, platform, account_id from " + service.table("post_targets")
                + " where status = 'queued'";
        return tenancy.asSystem(connection -> connection.preparedQuery(sql).execute())
                .map(rows -> {
                    List<QueueKey> keys = new java.util.ArrayList<>();
                    rows.forEach(row -> keys.add(new QueueKey(row.getUUID(0), row.getString(1), row.getString(2))));
                    return keys;
                });
    }

    /**
     * Puts the planner's own future slots of the project back in the queue, fencing any claim on them, so that new
     * settings re-plan them. Explicit, due and finished targets keep their time.
     */
    public Uni<Void> requeuePlanned(UUID projectId) {
        String sql = "update " + service.table("post_targets")
                + " set status = 'queued', scheduled_at = null, fire_at = null,"
                + " lease_epoch = lease_epoch + 1, lease_until = null"
                + " where project_id = ?1 and status = 'planned' and slot_source = 'planner' and fired_at is null";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).setParameter(1, projectId).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A failed target goes back into its queue, its timer unfired and any claim on it fenced: a person fixed the cause
     * (connected the account, say) and plans the post again. Only a failed target moves.
     */
    public Uni<Void> reopenFailed(UUID projectId, UUID id) {
        String sql = "update " + service.table("post_targets")
                + " set status = 'queued', slot_source = 'planner', scheduled_at = null,"
                + " fire_at = null, fired_at = null, error_json = null, queued_at = now(), lease_epoch = lease_epoch + 1,"
                + " lease_until = null where project_id = ?1 and id = ?2 and status = 'failed'";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A target goes back to waiting for its media: unplanned, its timer unarmed and any claim on it fenced. */
    public Uni<Void> holdForMedia(UUID projectId, UUID id) {
        String sql = "update " + service.table("post_targets") + " set status = 'waiting_for_media', fire_at = null,"
                + " lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?1 and id = ?2 and fired_at is null";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The project's targets that wait for their media's analysis. */
    public Uni<List<PostTarget>> waitingForMedia(UUID projectId) {
        return list("projectId = ?1 and status = ?2", projectId, TargetStatus.WAITING_FOR_MEDIA);
    }

    /** The project's queues that have targets waiting. */
    public Uni<List<QueueKey>> queuesWaiting(UUID projectId) {
        String hql =
                "select distinct t.platform, t.accountId from PostTarget t where t.projectId = ?1 and t.status = ?2";
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(hql, Object[].class)
                        .setParameter(1, projectId)
                        .setParameter(2, TargetStatus.QUEUED)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new QueueKey(projectId, (String) row[0], (String) row[1]))
                        .toList());
    }

    public Uni<List<PostTarget>> findAll(UUID projectId, java.util.Collection<UUID> ids) {
        return list("projectId = ?1 and id in ?2", projectId, ids);
    }

    public Uni<java.util.List<PostTarget>> ofPost(UUID projectId, UUID postId) {
        return list("projectId = ?1 and postId = ?2 order by scheduledAt, platform, accountId", projectId, postId);
    }

    public Uni<java.util.List<PostTarget>> ofPosts(UUID projectId, java.util.Collection<UUID> postIds) {
        return list("projectId = ?1 and postId in ?2 order by scheduledAt, platform, accountId", projectId, postIds);
    }

    /** Targets with a slot in {@code [from, to)}, optionally in one status, by slot. */
    public Uni<java.util.List<PostTarget>> inWindow(
            UUID projectId, Instant from, Instant to, Optional<TargetStatus> status) {
        return status.isPresent()
                ? list(
                        "projectId = ?1 and scheduledAt >= ?2 and scheduledAt < ?3 and status = ?4 order by scheduledAt, id",
                        projectId,
                        from,
                        to,
                        status.get())
                : list(
                        "projectId = ?1 and scheduledAt >= ?2 and scheduledAt < ?3 order by scheduledAt, id",
                        projectId,
                        from,
                        to);
    }

    /** Gives a target the project's own time and fences any claim on it, so it fires at the new time only. */
    public Uni<Void> reschedule(UUID projectId, UUID id, Instant at) {
        String sql = "update " + service.table("post_targets")
                + " set status = 'planned', slot_source = 'explicit', scheduled_at = ?1,"
                + " fire_at = ?1, lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?2 and id = ?3 and fired_at is null";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, at.atOffset(java.time.ZoneOffset.UTC))
                        .setParameter(2, projectId)
                        .setParameter(3, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A canceled target never fires: its timer is marked fired and any claim on it is fenced. */
    public Uni<Void> neverFire(UUID projectId, UUID id) {
        String sql = "update " + service.table("post_targets") + " set status = 'canceled', fired_at = now(),"
                + " lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?1 and id = ?2 and fired_at is null";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The target's timer will not fire: it was completed another way (posted by hand). */
    public Uni<Void> markFired(UUID projectId, UUID id) {
        String sql = "update " + service.table("post_targets") + " set fired_at = coalesce(fired_at, now()),"
                + " lease_epoch = lease_epoch + 1, lease_until = null where project_id = ?1 and id = ?2";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<PostTarget> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
