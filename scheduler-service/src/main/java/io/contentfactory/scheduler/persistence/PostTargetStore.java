package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The post targets' SQL: planning reads and the timer's moves in the caller's Hibernate session (bound to the
 * project), and the dispatcher's firing on a Vert.x pool connection as the system role, since one firing batch spans
 * projects and is one statement whatever its size. Every move that takes a target off its timer also fences any claim
 * on it (a new lease epoch).
 */
@ApplicationScoped
public class PostTargetStore implements PanacheRepositoryBase<PostTarget, UUID> {

    /** Targets that hold no slot in their queue. */
    private static final List<TargetStatus> WITHOUT_SLOT =
            List.of(TargetStatus.QUEUED, TargetStatus.CANCELED, TargetStatus.FAILED);

    private final ServiceConfig service;
    private final TenantScope tenancy;
    private final NamedStatement fireDue;

    PostTargetStore(ServiceConfig service, TenantScope tenancy) {
        this.service = service;
        this.tenancy = tenancy;
        this.fireDue = NamedStatement.of(fireStatement(
                service.table("post_targets"), service.table("posts"), service.table("planning_settings")));
    }

    /** A target just fired, with its new status and what its event needs from its post. */
    public record Fired(
            UUID id,
            UUID projectId,
            UUID postId,
            UUID mediaId,
            String platform,
            String accountId,
            String format,
            String mediaType,
            String mediaUrl,
            String contentType,
            Instant scheduledAt,
            TargetStatus status,
            String captionBody,
            String disclosure,
            String hashtags,
            String mediaIds) {}

    /**
     * Claims up to {@code limit} due targets and fires them in the same statement: each gets the next lease epoch under
     * {@code owner} and its status. A manual post awaits a person; a project that requires approval withholds posts
     * not approved (a draft fails with {@code not_approved}, a rejected post is canceled); the rest are due. How late
     * each fired against its slot is recorded.
     */
    public Uni<List<Fired>> fireDue(SqlConnection connection, String owner, int limit) {
        return connection
                .preparedQuery(fireDue.sql())
                .execute(fireDue.bind(Arguments.of().text("lease_owner", owner).integer("fire_limit", limit)))
                .map(rows -> {
                    List<Fired> fired = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        fired.add(new Fired(
                                row.getUUID("id"),
                                row.getUUID("project_id"),
                                row.getUUID("post_id"),
                                row.getUUID("media_id"),
                                row.getString("platform"),
                                row.getString("account_id"),
                                row.getString("format"),
                                row.getString("media_type"),
                                row.getString("media_url"),
                                row.getString("content_type"),
                                row.getOffsetDateTime("scheduled_at").toInstant(),
                                TargetStatus.ofWire(row.getString("status")),
                                row.getString("caption_body"),
                                row.getString("caption_disclosure"),
                                row.getString("hashtags"),
                                row.getString("media_ids")));
                    }
                    return fired;
                });
    }

    /** Named parameters {@code lease_owner} and {@code fire_limit}; tables schema-qualified. Public for the test that checks its plan. */
    public static String fireStatement(String targetTable, String postTable, String settingsTable) {
        String withheld = "coalesce(s.require_approval, false) and p.review_status <> 'approved'";
        String sql =
                "with due as (" + DurableTimer.dueRows(targetTable, "project_id, id, post_id", "#{fire_limit}") + ")"
                        + " update " + targetTable
                        + " t set lease_owner = #{lease_owner}, lease_epoch = t.lease_epoch + 1, lease_until = null, fired_at = now(),"
                        + " fired_late_ms = greatest(0, floor(extract(epoch from now() - t.scheduled_at) * 1000))::bigint,"
                        + " status = case when " + withheld
                        + " then (case when p.review_status = 'rejected' then 'canceled' else 'failed' end)"
                        + "   when p.mode = 'manual' then 'awaiting_manual' else 'due' end,"
                        + " error_json = case when " + withheld
                        + " and p.review_status <> 'rejected' then json_build_object('code', 'not_approved',"
                        + "   'stage', 'approval', 'retryable', false, 'message', 'the project requires approval and the post was still a '"
                        + "   || p.review_status || ' when its slot came')::text else t.error_json end"
                        + " from due join " + postTable + " p on p.project_id = due.project_id and p.id = due.post_id"
                        + " left join " + settingsTable + " s on s.project_id = due.project_id"
                        + " where t.project_id = due.project_id and t.id = due.id"
                        + " returning t.id, t.project_id, t.post_id, t.media_id, t.platform, t.account_id, t.format, t.media_type, t.media_url,"
                        + " t.content_type, t.scheduled_at, t.status, p.caption_body, p.caption_disclosure, p.hashtags, p.media_ids";
        return sql;
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
        return fencedUpdate(
                "status = 'queued', scheduled_at = null, fire_at = null",
                "project_id = ?1 and status = 'planned' and slot_source = 'planner' and fired_at is null",
                projectId);
    }

    /**
     * A failed target goes back into its queue, its timer unfired and any claim on it fenced: a person fixed the cause
     * (connected the account, say) and plans the post again. Only a failed target moves.
     */
    public Uni<Void> reopenFailed(UUID projectId, UUID id) {
        return fencedUpdate(
                "status = 'queued', slot_source = 'planner', scheduled_at = null, fire_at = null, fired_at = null, error_json = null, queued_at = now()",
                "project_id = ?1 and id = ?2 and status = 'failed'",
                projectId,
                id);
    }

    /** A target goes back to waiting for its media: unplanned, its timer unarmed and any claim on it fenced. */
    public Uni<Void> holdForMedia(UUID projectId, UUID id) {
        return fencedUpdate(
                "status = 'waiting_for_media', fire_at = null",
                "project_id = ?1 and id = ?2 and fired_at is null",
                projectId,
                id);
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
        return fencedUpdate(
                "status = 'planned', slot_source = 'explicit', scheduled_at = ?1, fire_at = ?1",
                "project_id = ?2 and id = ?3 and fired_at is null",
                at.atOffset(java.time.ZoneOffset.UTC),
                projectId,
                id);
    }

    /** A canceled target never fires: its timer is marked fired and any claim on it is fenced. */
    public Uni<Void> neverFire(UUID projectId, UUID id) {
        return fencedUpdate(
                "status = 'canceled', fired_at = now()",
                "project_id = ?1 and id = ?2 and fired_at is null",
                projectId,
                id);
    }

    /** The target's timer will not fire: it was completed another way (posted by hand). */
    public Uni<Void> markFired(UUID projectId, UUID id) {
        return fencedUpdate("fired_at = coalesce(fired_at, now())", "project_id = ?1 and id = ?2", projectId, id);
    }

    public Uni<PostTarget> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    /**
     * {@code update post_targets set <assignments>, <fence> where <condition>}, with positional parameters {@code ?1…}:
     * the target's timer moves, so any claim on it is fenced.
     */
    private Uni<Void> fencedUpdate(String assignments, String condition, Object... parameters) {
        String sql = "update " + service.table("post_targets") + " set " + assignments
                + ", lease_epoch = lease_epoch + 1, lease_until = null where " + condition;
        return Panache.getSession()
                .chain(s -> {
                    var query = s.createNativeQuery(sql);
                    for (int i = 0; i < parameters.length; i++) {
                        query.setParameter(i + 1, parameters[i]);
                    }
                    return query.executeUpdate();
                })
                .replaceWithVoid();
    }
}
