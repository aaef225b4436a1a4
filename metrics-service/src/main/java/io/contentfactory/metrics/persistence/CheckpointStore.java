package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.domain.WireEnum;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.GroupCommit;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.metrics.domain.CheckpointState;
import io.contentfactory.metrics.domain.ClaimedCheckpoint;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.PostSocialScore.Baseline;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.domain.StoredComments;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * The checkpoints of published posts, in the caller's Hibernate session bound to the project. Their timer columns
 * ({@code fire_at}, {@code fired_at}, the lease) are moved by the kit's {@code DurableTimer}; states and reasons by
 * the entity's transitions.
 */
@ApplicationScoped
public class CheckpointStore implements PanacheRepositoryBase<MetricCheckpoint, UUID> {

    private final String claimView;
    private final NamedStatement collected;
    private final GroupCommit writes;

    CheckpointStore(ServiceConfig service, GroupCommit writes, Outbox outbox) {
        this.writes = writes;
        String checkpoints = service.table("metric_checkpoints");
        this.collected = NamedStatement.of("with collected as ("
                + DurableTimer.fireUpdate(
                        checkpoints,
                        "state = #{state}, reason = #{reason}, late_ms = #{late_ms}, comments_note = #{comments_note}",
                        "id")
                + "), stored as (insert into " + service.table("posting_metrics") + " (project_id, id, checkpoint_id,"
                + " post_id, target_id, media_id, checkpoint, check_time, due_time, source, views, reach, likes,"
                + " comments_count, shares, saves, watch_time_ms, avg_watch_time_ms, ctr, profile_visits,"
                + " follower_delta, dropped_counters, post_social_score, score_explanation, raw_payload)"
                + " select #{claim_project}::uuid, #{row_id}::uuid, id, #{post_id}::uuid, #{target_id}::uuid,"
                + " #{media_id}::uuid, #{checkpoint}::text, #{check_time}::timestamptz, #{due_time}::timestamptz,"
                + " #{source}::text, #{views}::bigint, #{reach}::bigint, #{likes}::bigint, #{comments_count}::bigint,"
                + " #{shares}::bigint, #{saves}::bigint, #{watch_time_ms}::bigint, #{avg_watch_time_ms}::bigint,"
                + " #{ctr}::double precision, #{profile_visits}::bigint, #{follower_delta}::bigint,"
                + " #{dropped_counters}::text, #{post_social_score}::double precision, #{score_explanation}::text,"
                + " #{raw_payload}::text from collected returning id) "
                + outbox.insertFrom("stored"));
        this.claimView = "select c.*, exists (select 1 from " + checkpoints + " e where e.project_id = c.project_id"
                + " and e.target_id = c.target_id and e.due_at < c.due_at and e.state = '"
                + CheckpointState.PENDING.wire() + "') as earlier_pending,"
                + " p.pre_social_score, b.median as baseline_median, b.posts as baseline_posts,"
                + " s.newest as newest_comment, s.stored as stored_comments,"
                + " m.id as previous_id, m.views, m.likes, m.comments_count, m.shares, m.saves, m.reach,"
                + " m.watch_time_ms, m.avg_watch_time_ms, m.ctr, m.profile_visits, m.follower_delta"
                + " from claimed c"
                + " left join " + service.table("media_predictions") + " p"
                + " on p.project_id = c.project_id and p.media_id = c.media_id"
                + " cross join lateral (" + PostingMetricsStore.baselineOf(service, "c") + ") b"
                + " cross join lateral (select max(commented_at) as newest, count(*) as stored from "
                + service.table("comments") + " where project_id = c.project_id and target_id = c.target_id) s"
                + " left join lateral (select * from " + service.table("posting_metrics")
                + " where project_id = c.project_id and target_id = c.target_id and due_time < c.due_at"
                + " order by due_time desc limit 1) m on true";
    }

    /**
     * What the collector's claim reads along with each checkpoint, in the claim's own statement (see
     * {@link DurableTimer#claimStatement(String, String)}): whether an earlier one of its post is pending, the
     * media's prediction, the account's baseline, the post's stored comments and its previous numbers. Read back by
     * {@link #claimed}.
     */
    public String claimView() {
        return claimView;
    }

    /**
     * Ends a claimed checkpoint as {@code checkpoint} now stands (collected), firing its claim, and stores its
     * {@code row} and {@code event} with it, in one statement committed with other writers' ({@link GroupCommit}):
     * nothing is written, and false answered, if the claim lost its lease.
     */
    public Uni<Boolean> collected(
            TimerClaim claim, MetricCheckpoint checkpoint, PostingMetrics row, Outbox.Pending event) {
        Arguments arguments = DurableTimer.fence(claim)
                .text("state", checkpoint.state.wire())
                .text("reason", checkpoint.reason)
                .bigint("late_ms", checkpoint.lateMs)
                .text("comments_note", checkpoint.commentsNote)
                .uuid("row_id", row.id)
                .uuid("post_id", row.postId)
                .uuid("target_id", row.targetId)
                .uuid("media_id", row.mediaId)
                .text("checkpoint", row.checkpoint)
                .instant("check_time", row.checkTime)
                .instant("due_time", row.dueTime)
                .text("source", row.source)
                .bigint("views", row.views)
                .bigint("reach", row.reach)
                .bigint("likes", row.likes)
                .bigint("comments_count", row.commentsCount)
                .bigint("shares", row.shares)
                .bigint("saves", row.saves)
                .bigint("watch_time_ms", row.watchTimeMs)
                .bigint("avg_watch_time_ms", row.avgWatchTimeMs)
                .decimal("ctr", row.ctr)
                .bigint("profile_visits", row.profileVisits)
                .bigint("follower_delta", row.followerDelta)
                .text("dropped_counters", row.droppedCounters)
                .decimal("post_social_score", row.postSocialScore)
                .text("score_explanation", row.scoreExplanation)
                .text("raw_payload", row.rawPayload)
                .and(event.arguments());
        return writes.statementInProject(claim.projectId(), collected, arguments)
                .map(rows -> rows.rowCount() == 1);
    }

    /** A claimed checkpoint and what its reading needs, as the claim read them. */
    public ClaimedCheckpoint claimed(TimerClaim claim) {
        Row row = claim.row();
        Double prediction = row.getDouble("pre_social_score");
        Double median = row.getDouble("baseline_median");
        return new ClaimedCheckpoint(
                checkpoint(row),
                row.getBoolean("earlier_pending"),
                prediction == null ? OptionalDouble.empty() : OptionalDouble.of(prediction),
                new Baseline(
                        median == null ? 0 : median,
                        row.getLong("baseline_posts").intValue()),
                new StoredComments(
                        Optional.ofNullable(row.getOffsetDateTime("newest_comment"))
                                .map(OffsetDateTime::toInstant),
                        row.getLong("stored_comments")),
                row.getUUID("previous_id") == null ? null : PostingMetricsStore.values(row));
    }

    private static MetricCheckpoint checkpoint(Row row) {
        MetricCheckpoint checkpoint = new MetricCheckpoint();
        checkpoint.projectId = row.getUUID("project_id");
        checkpoint.id = row.getUUID("id");
        checkpoint.postId = row.getUUID("post_id");
        checkpoint.targetId = row.getUUID("target_id");
        checkpoint.mediaId = row.getUUID("media_id");
        checkpoint.platform = row.getString("platform");
        checkpoint.accountId = row.getString("account_id");
        checkpoint.format = row.getString("format");
        checkpoint.byHand = row.getBoolean("by_hand");
        checkpoint.externalPostId = row.getString("external_post_id");
        checkpoint.checkpoint = row.getString("checkpoint");
        checkpoint.dueAt = instant(row.getOffsetDateTime("due_at"));
        checkpoint.fireAt = instant(row.getOffsetDateTime("fire_at"));
        checkpoint.state = WireEnum.ofWire(CheckpointState.class, row.getString("state"));
        checkpoint.reason = row.getString("reason");
        checkpoint.attempts = row.getInteger("attempts");
        checkpoint.lateMs = row.getLong("late_ms");
        checkpoint.createdAt = instant(row.getOffsetDateTime("created_at"));
        checkpoint.commentsNote = row.getString("comments_note");
        return checkpoint;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    public Uni<MetricCheckpoint> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    /** Whether a checkpoint of the target due before {@code dueAt} is still pending (waiting, or being read). */
    public Uni<Boolean> earlierPending(UUID projectId, UUID targetId, Instant dueAt) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select count(c) from MetricCheckpoint c where c.projectId = ?1 and c.targetId = ?2"
                                        + " and c.dueAt < ?3 and c.state = ?4",
                                Long.class)
                        .setParameter(1, projectId)
                        .setParameter(2, targetId)
                        .setParameter(3, dueAt)
                        .setParameter(4, CheckpointState.PENDING)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** When the target's next checkpoint after {@code dueAt} is due, if it has one. */
    public Uni<Optional<Instant>> nextDue(UUID projectId, UUID targetId, Instant dueAt) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select min(c.dueAt) from MetricCheckpoint c where c.projectId = ?1 and c.targetId = ?2"
                                        + " and c.dueAt > ?3",
                                Instant.class)
                        .setParameter(1, projectId)
                        .setParameter(2, targetId)
                        .setParameter(3, dueAt)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    public Uni<List<MetricCheckpoint>> ofPost(UUID projectId, UUID postId) {
        return list("projectId = ?1 and postId = ?2 order by targetId, dueAt", projectId, postId);
    }

    public Uni<List<MetricCheckpoint>> ofMedia(UUID projectId, UUID mediaId) {
        return list("projectId = ?1 and mediaId = ?2 order by postId, targetId, dueAt", projectId, mediaId);
    }

    public Uni<List<MetricCheckpoint>> ofTarget(UUID projectId, UUID targetId) {
        return list("projectId = ?1 and targetId = ?2 order by dueAt", projectId, targetId);
    }
}
