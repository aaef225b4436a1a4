package io.contentfactory.publisher.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Placeholders;
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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The runner's statements on a claimed job, on the Vert.x pool (every publish runs them, and Hibernate would add only
 * its overhead): the job and its account's connection, read by the claim itself, the platform handle stored with
 * {@code post.publishing}, and the job completed with {@code post.published}; each write is one statement, committed
 * together with the other jobs' writes of the moment ({@link GroupCommit}). The writes
 * are fenced by the claim's lease, and the event is recorded only if the row changed.
 */
@ApplicationScoped
public class PublishJobRows {

    private final GroupCommit writes;
    private final String claimView;
    private final String startedSql;
    private final String publishedSql;
    /** The parameters of a job's insert: {@link #intake} appends a refusal's event after them. */
    private static final int INTAKE_PARAMETERS = 19;

    private final String intakeSql;
    private final String refusedIntakePart;
    private final String refusedIntakeStatement;

    PublishJobRows(ServiceConfig service, GroupCommit writes, Outbox outbox) {
        this.writes = writes;
        String jobs = service.table("publish_jobs");
        this.claimView = "select j.id, j.project_id, j.lease_epoch, j.post_id, j.target_id, j.media_id, j.platform,"
                + " j.account_id, j.format, j.media_type, j.status, j.media_url, j.content_type, j.caption, j.container_id,"
                + " j.created_at, j.carousel_json, j.attempt, c.id, c.status, c.access_token, c.token_key_id,"
                + " j.unconfirmed_since, j.reconcile_attempts"
                + " from claimed j left join " + service.table("platform_connections") + " c"
                + " on c.project_id = j.project_id and c.platform = j.platform and c.account_id = j.account_id";
        this.startedSql = "with started as ("
                + DurableTimer.leasedUpdate(
                        jobs, "container_id = $4, status = 'processing', started_at = $5, updated_at = $5", "id")
                + ") "
                + outbox.insertFrom("started", 6);
        int first = EventConsumer.FIRST_EFFECT_PARAMETER;
        this.intakeSql =
                "insert into " + jobs + " (project_id, id, post_id, target_id, media_id, platform, account_id, format,"
                        + " media_type, status, media_url, content_type, caption, error_json, created_at, updated_at, fire_at, fired_at,"
                        + " carousel_json, attempt) select "
                        + Placeholders.typed(
                                first,
                                "uuid",
                                "uuid",
                                "uuid",
                                "uuid",
                                "uuid",
                                "text",
                                "text",
                                "text",
                                "text",
                                "text",
                                "text",
                                "text",
                                "text",
                                "text",
                                "timestamptz")
                        + ", $" + (first + 14) + ", "
                        + Placeholders.typed(first + 15, "timestamptz", "timestamptz", "text", "int")
                        + " where exists (select 1 from " + EventConsumer.FIRST_DELIVERY + ")"
                        + " and not exists (select 1 from " + jobs + " where project_id = $" + first
                        + " and target_id = $" + (first + 3)
                        + " and status in ('published', 'queued', 'processing', 'reconciling', 'needs_decision'))";
        this.refusedIntakePart = "refused as (" + intakeSql + " returning id)";
        this.refusedIntakeStatement = outbox.insertFrom("refused", first + INTAKE_PARAMETERS);
        this.publishedSql = "with published as ("
                + DurableTimer.fireUpdate(
                        jobs,
                        "status = 'published', published_media_id = $4,"
                                + " permalink = $5, published_at = $6, updated_at = $6",
                        "id")
                + ") " + outbox.insertFrom("published", 7);
    }

    /** A claimed job and its account's connection (null when the project has none), as the claim read them. */
    public record Claimed(PublishJob job, PlatformConnection connection) {}

    /**
     * What the runner's claim reads along with each job, in the claim's statement: the job's columns and its
     * account's connection (see {@link io.contentfactory.kit.timer.DurableTimer#claimStatement(String, String)}).
     */
    public String claimView() {
        return claimView;
    }

    /** The claimed job and its account's connection, from the row its claim read. */
    public Claimed claimed(TimerClaim claim) {
        Row row = claim.row();
        return new Claimed(job(row), row.getUUID(18) == null ? null : connection(row));
    }

    /** Stores the platform's handle and records {@code post.publishing}; false if the claim lost its lease. */
    public Uni<Boolean> started(TimerClaim claim, String handle, Instant at, Outbox.Pending publishing) {
        Tuple arguments = DurableTimer.fenceArguments(claim).addString(handle).addOffsetDateTime(utc(at));
        return writes.statementInProject(claim.projectId(), startedSql, publishing.addTo(arguments))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Completes the job as published, firing its claim, and records {@code post.published}; false if the lease was lost. */
    public Uni<Boolean> published(TimerClaim claim, LivePost live, Instant at, Outbox.Pending published) {
        Tuple arguments = DurableTimer.fenceArguments(claim)
                .addString(live.externalId())
                .addString(live.permalink())
                .addOffsetDateTime(utc(at));
        return writes.statementInProject(claim.projectId(), publishedSql, published.addTo(arguments))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * The statement that makes a due post's job on the event's first delivery ({@link EventConsumer#consumeAsOneWrite}):
     * the job is inserted unless its target is already published or has a job in flight (a repeated {@code post.due}).
     * A job the preflight refused is inserted failed, and {@code post.failed} recorded with it, only if it was inserted.
     */
    public EventConsumer.Write intake(PublishJob job, Optional<Outbox.Pending> refusal) {
        Tuple arguments = Tuple.tuple()
                .addUUID(job.projectId)
                .addUUID(job.id)
                .addUUID(job.postId)
                .addUUID(job.targetId)
                .addUUID(job.mediaId)
                .addString(job.platform)
                .addString(job.accountId)
                .addString(job.format)
                .addString(job.mediaType)
                .addString(job.status.wire())
                .addString(job.mediaUrl)
                .addString(job.contentType)
                .addString(job.caption)
                .addString(job.errorJson)
                .addOffsetDateTime(utc(job.createdAt))
                .addOffsetDateTime(utc(job.fireAt))
                .addOffsetDateTime(job.firedAt == null ? null : utc(job.firedAt))
                .addString(job.carouselJson)
                .addInteger(job.attempt);
        return refusal.map(event ->
                        new EventConsumer.Write(refusedIntakePart, refusedIntakeStatement, event.addTo(arguments)))
                .orElseGet(() -> new EventConsumer.Write("", intakeSql, arguments));
    }

    private static PublishJob job(Row row) {
        PublishJob job = new PublishJob();
        job.id = row.getUUID(0);
        job.projectId = row.getUUID(1);
        job.postId = row.getUUID(3);
        job.targetId = row.getUUID(4);
        job.mediaId = row.getUUID(5);
        job.platform = row.getString(6);
        job.accountId = row.getString(7);
        job.format = row.getString(8);
        job.mediaType = row.getString(9);
        job.status = JobStatus.ofWire(row.getString(10));
        job.mediaUrl = row.getString(11);
        job.contentType = row.getString(12);
        job.caption = row.getString(13);
        job.containerId = row.getString(14);
        job.createdAt = row.getOffsetDateTime(15).toInstant();
        job.carouselJson = row.getString(16);
        job.attempt = row.getInteger(17);
        job.unconfirmedSince = row.getOffsetDateTime(22) == null
                ? null
                : row.getOffsetDateTime(22).toInstant();
        job.reconcileAttempts = row.getInteger(23);
        return job;
    }

    private static PlatformConnection connection(Row row) {
        PlatformConnection connection = new PlatformConnection();
        connection.projectId = row.getUUID(1);
        connection.id = row.getUUID(18);
        connection.platform = row.getString(6);
        connection.accountId = row.getString(7);
        connection.status = ConnectionStatus.ofWire(row.getString(19));
        connection.accessToken = row.getBuffer(20).getBytes();
        connection.tokenKeyId = row.getString(21);
        return connection;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
