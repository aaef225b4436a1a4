package io.contentfactory.publisher.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.GroupCommit;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.publisher.domain.ConnectionStatus;
import io.contentfactory.publisher.domain.JobStatus;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PlatformConnection;
import io.contentfactory.publisher.domain.PublishJob;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publish jobs: every statement on them.
 *
 * <p>Reads and the API's writes go through Hibernate (Panache). The publish path's statements run on the Vert.x pool,
 * because every publish runs them and Hibernate would add only its overhead: the intake of a due post (one statement
 * with the event's inbox row), the claim's view of a job and its account's connection, the platform handle stored
 * with {@code post.publishing}, and the job completed with {@code post.published}. Each of those writes is one
 * statement, committed together with the other jobs' writes of the moment ({@link GroupCommit}), fenced by the
 * claim's lease, and its event is recorded only if the row changed.
 */
@ApplicationScoped
public class PublishJobStore implements PanacheRepositoryBase<PublishJob, UUID> {

    private static final String[] BARRING =
            JobStatus.BARS_A_NEW_JOB.stream().map(JobStatus::wire).sorted().toArray(String[]::new);

    private final GroupCommit writes;
    private final String claimView;
    private final NamedStatement started;
    private final NamedStatement published;
    private final String intake;
    private final String refusedIntakePart;
    private final String refusedIntakeEvent;

    PublishJobStore(ServiceConfig service, GroupCommit writes, Outbox outbox) {
        this.writes = writes;
        String jobs = service.table("publish_jobs");
        this.claimView = "select j.*, c.id as connection_id, c.status as connection_status, c.access_token,"
                + " c.token_key_id from claimed j left join " + service.table("platform_connections") + " c"
                + " on c.project_id = j.project_id and c.platform = j.platform and c.account_id = j.account_id";
        this.started = NamedStatement.of("with started as ("
                + DurableTimer.leasedUpdate(
                        jobs,
                        "container_id = #{handle}, status = '" + JobStatus.PROCESSING.wire() + "',"
                                + " started_at = #{at}, updated_at = #{at}",
                        "id")
                + ") " + outbox.insertFrom("started"));
        this.published = NamedStatement.of("with published as ("
                + DurableTimer.fireUpdate(
                        jobs,
                        "status = '" + JobStatus.PUBLISHED.wire() + "', published_media_id = #{external_id},"
                                + " permalink = #{permalink}, published_at = #{at}, updated_at = #{at}",
                        "id")
                + ") " + outbox.insertFrom("published"));
        this.intake = "insert into " + jobs + " (project_id, id, post_id, target_id, media_id, platform, account_id,"
                + " format, media_type, status, media_url, content_type, caption, error_json, created_at, updated_at,"
                + " fire_at, fired_at, carousel_json, attempt)"
                + " select #{project_id}::uuid, #{id}::uuid, #{post_id}::uuid, #{target_id}::uuid, #{media_id}::uuid,"
                + " #{platform}::text, #{account_id}::text, #{format}::text, #{media_type}::text, #{status}::text,"
                + " #{media_url}::text, #{content_type}::text, #{caption}::text, #{error_json}::text,"
                + " #{created_at}::timestamptz, #{created_at}::timestamptz, #{fire_at}::timestamptz,"
                + " #{fired_at}::timestamptz, #{carousel_json}::text, #{attempt}::int"
                + " where exists (select 1 from " + EventConsumer.FIRST_DELIVERY + ")"
                + " and not exists (select 1 from " + jobs + " where project_id = #{project_id}"
                + " and target_id = #{target_id} and status = any(#{barring}::text[]))";
        this.refusedIntakePart = "refused as (" + intake + " returning id)";
        this.refusedIntakeEvent = outbox.insertFrom("refused");
    }

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

    public Uni<List<PublishJob>> latest(UUID projectId, int limit) {
        return find("projectId = ?1 order by createdAt desc, id desc", projectId)
                .page(0, limit)
                .list();
    }

    /** A target's jobs, latest first. */
    public Uni<List<PublishJob>> forTarget(UUID projectId, UUID targetId) {
        return list("projectId = ?1 and targetId = ?2 order by createdAt desc, id desc", projectId, targetId);
    }

    public Uni<PublishJob> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    /** A claimed job and its account's connection (null when the project has none), as the claim read them. */
    public record Claimed(PublishJob job, PlatformConnection connection) {}

    /**
     * What the runner's claim reads along with each job, in the claim's own statement: the job and its account's
     * connection (see {@link DurableTimer#claimStatement(String, String)}), read back by {@link #claimed}.
     */
    public String jobAndConnectionOfClaim() {
        return claimView;
    }

    /** The claimed job and its account's connection, from the row its claim read. */
    public Claimed claimed(TimerClaim claim) {
        Row row = claim.row();
        return new Claimed(job(row), row.getUUID("connection_id") == null ? null : connection(row));
    }

    /** Stores the platform's handle and records {@code post.publishing}; false if the claim lost its lease. */
    public Uni<Boolean> started(TimerClaim claim, String handle, Instant at, Outbox.Pending publishing) {
        Arguments arguments = DurableTimer.fence(claim)
                .text("handle", handle)
                .instant("at", at)
                .and(publishing.arguments());
        return writes.statementInProject(claim.projectId(), started, arguments).map(rows -> rows.rowCount() == 1);
    }

    /** Completes the job as published, firing its claim, and records {@code post.published}; false if the lease was lost. */
    public Uni<Boolean> published(TimerClaim claim, LivePost live, Instant at, Outbox.Pending event) {
        Arguments arguments = DurableTimer.fence(claim)
                .text("external_id", live.externalId())
                .text("permalink", live.permalink())
                .instant("at", at)
                .and(event.arguments());
        return writes.statementInProject(claim.projectId(), published, arguments)
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * The statement that makes a due post's job on the event's first delivery ({@link EventConsumer#consumeAsOneWrite}):
     * the job is inserted unless its target has a job that {@link JobStatus#BARS_A_NEW_JOB} (a repeated {@code
     * post.due}). A job the preflight refused is inserted failed, and {@code post.failed} recorded with it, only if it
     * was inserted.
     */
    public EventConsumer.Write intake(PublishJob job, Optional<Outbox.Pending> refusal) {
        Arguments arguments = Arguments.of()
                .uuid("project_id", job.projectId)
                .uuid("id", job.id)
                .uuid("post_id", job.postId)
                .uuid("target_id", job.targetId)
                .uuid("media_id", job.mediaId)
                .text("platform", job.platform)
                .text("account_id", job.accountId)
                .text("format", job.format)
                .text("media_type", job.mediaType)
                .text("status", job.status.wire())
                .text("media_url", job.mediaUrl)
                .text("content_type", job.contentType)
                .text("caption", job.caption)
                .text("error_json", job.errorJson)
                .instant("created_at", job.createdAt)
                .instant("fire_at", job.fireAt)
                .instant("fired_at", job.firedAt)
                .text("carousel_json", job.carouselJson)
                .integer("attempt", job.attempt)
                .array("barring", BARRING);
        return refusal.map(event -> new EventConsumer.Write(
                        refusedIntakePart, refusedIntakeEvent, arguments.and(event.arguments())))
                .orElseGet(() -> new EventConsumer.Write("", intake, arguments));
    }

    private static PublishJob job(Row row) {
        PublishJob job = new PublishJob();
        job.id = row.getUUID("id");
        job.projectId = row.getUUID("project_id");
        job.postId = row.getUUID("post_id");
        job.targetId = row.getUUID("target_id");
        job.mediaId = row.getUUID("media_id");
        job.platform = row.getString("platform");
        job.accountId = row.getString("account_id");
        job.format = row.getString("format");
        job.mediaType = row.getString("media_type");
        job.status = JobStatus.ofWire(row.getString("status"));
        job.mediaUrl = row.getString("media_url");
        job.contentType = row.getString("content_type");
        job.caption = row.getString("caption");
        job.containerId = row.getString("container_id");
        job.createdAt = row.getOffsetDateTime("created_at").toInstant();
        job.carouselJson = row.getString("carousel_json");
        job.attempt = row.getInteger("attempt");
        job.unconfirmedSince = instant(row.getOffsetDateTime("unconfirmed_since"));
        job.reconcileAttempts = row.getInteger("reconcile_attempts");
        return job;
    }

    private static PlatformConnection connection(Row row) {
        PlatformConnection connection = new PlatformConnection();
        connection.projectId = row.getUUID("project_id");
        connection.id = row.getUUID("connection_id");
        connection.platform = row.getString("platform");
        connection.accountId = row.getString("account_id");
        connection.status = ConnectionStatus.ofWire(row.getString("connection_status"));
        connection.accessToken = row.getBuffer("access_token").getBytes();
        connection.tokenKeyId = row.getString("token_key_id");
        return connection;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
