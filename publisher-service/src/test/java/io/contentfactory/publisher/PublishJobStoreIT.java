package io.contentfactory.publisher;

import static io.contentfactory.publisher.PublishTests.count;
import static io.contentfactory.publisher.PublishTests.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.messaging.PostDueConsumer;
import io.contentfactory.publisher.persistence.PublishJobStore;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The publisher's one-statement writes. A due post's event becomes one job however often it arrives, and a job the
 * preflight refuses is recorded failed with exactly one {@code post.failed}. The runner's writes are fenced by the
 * claim's lease: a runner whose claim was taken over (its epoch is behind) changes nothing and records no event; the
 * current claim stores the handle, then completes the job, each with exactly one event.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class PublishJobStoreIT {

    private static final long CURRENT_EPOCH = 7;

    @Inject
    PublishJobStore jobs;

    @Inject
    Outbox outbox;

    @Inject
    PostDueConsumer postDue;

    @Test
    void theDatabaseChecksTheSameJobStatusesAsTheEnum() {
        io.contentfactory.testkit.CheckConstraints.listExactly(
                "publish_jobs_status_check", io.contentfactory.publisher.domain.JobStatus.class);
        io.contentfactory.testkit.CheckConstraints.listExactly(
                "platform_connections_status_check", io.contentfactory.publisher.domain.ConnectionStatus.class);
    }

    @Test
    void aClaimThatLostItsLeaseNeitherStoresItsHandleNorCompletesTheJob() throws Throwable {
        UUID project = UUID.randomUUID();
        UUID job = leasedJob(project);
        TimerClaim stale = new TimerClaim(job, project, CURRENT_EPOCH - 1);
        TimerClaim current = new TimerClaim(job, project, CURRENT_EPOCH);

        assertThat(started(stale, "stale-container")).isFalse();
        assertThat(row(jobSql(job)).get("container_id")).isNull();
        assertThat(events(project)).isZero();

        assertThat(started(current, "container-1")).isTrue();
        assertThat(row(jobSql(job)))
                .containsEntry("container_id", "container-1")
                .containsEntry("status", "processing");
        assertThat(events(project, Topics.POST_PUBLISHING)).isEqualTo(1);

        assertThat(published(stale)).isFalse();
        assertThat(row(jobSql(job))).containsEntry("status", "processing").containsEntry("fired_at", null);
        assertThat(events(project, Topics.POST_PUBLISHED)).isZero();

        assertThat(published(current)).isTrue();
        assertThat(row(jobSql(job)))
                .containsEntry("status", "published")
                .containsEntry("published_media_id", "media-1")
                .containsEntry("lease_until", null);
        assertThat(row(jobSql(job)).get("fired_at")).isNotNull();
        assertThat(events(project, Topics.POST_PUBLISHED)).isEqualTo(1);

        // Fired, the row takes no second completion, even from the claim that fired it.
        assertThat(published(current)).isFalse();
        assertThat(events(project)).isEqualTo(2);
    }

    @Test
    void aDuePostBecomesOneJobHoweverOftenItsEventArrives() throws Throwable {
        // The project has no connection, so the runner fails the job at once: from then on only the inbox can tell a
        // redelivered event (no job) from a new event for the failed target (a retry, a new job).
        UUID project = UUID.randomUUID();
        PostDue due =
                PublishTests.due(Platform.INSTAGRAM, "intake-account", PostFormat.FEED_IMAGE, "cover.jpg", "Intake");
        String event = PublishFlowIT.envelope(project, due);
        String jobs = "select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'";

        intake(event);
        await().atMost(PublishTests.TIMEOUT).until(() -> count(jobs + " and status = 'failed'") == 1);
        intake(event);
        assertThat(count(jobs)).isEqualTo(1);
        assertThat(count("select count(*) from publisher.inbox where project_id = '" + project + "'"))
                .isEqualTo(1);

        intake(PublishFlowIT.envelope(project, due));
        assertThat(count(jobs)).isEqualTo(2);
    }

    @Test
    void aDuePostThePreflightRefusesIsOneFailedJobRecordedWithItsPostFailed() throws Throwable {
        UUID project = UUID.randomUUID();
        PostDue fine =
                PublishTests.due(Platform.INSTAGRAM, "intake-account", PostFormat.FEED_IMAGE, "cover.jpg", "Refused");
        PostDue foreign = new PostDue(
                fine.postId(),
                fine.targetId(),
                fine.mediaId(),
                fine.platform(),
                fine.accountId(),
                fine.format(),
                fine.mediaType(),
                "https://elsewhere.example/cover.jpg",
                fine.contentType(),
                fine.caption(),
                fine.scheduledAt());
        String event = PublishFlowIT.envelope(project, foreign);

        intake(event);
        intake(event);

        assertThat(row("select status, error_json from publisher.publish_jobs where target_id = '" + foreign.targetId()
                        + "'"))
                .containsEntry("status", "failed")
                .hasEntrySatisfying("error_json", error -> assertThat(error).contains("\"stage\":\"asset_preflight\""));
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + foreign.targetId() + "'"))
                .isEqualTo(1);
        assertThat(events(project, Topics.POST_FAILED)).isEqualTo(1);
    }

    private void intake(String event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> postDue.onPostDue(event));
    }

    private boolean started(TimerClaim claim, String handle) throws Throwable {
        Instant at = Instant.now();
        Outbox.Pending event = outbox.pending(
                claim.projectId(),
                new PostPublishing(
                        UUID.randomUUID(), UUID.randomUUID(), claim.id(), Platform.INSTAGRAM, "rows-account", at));
        return VertxContextSupport.subscribeAndAwait(() -> jobs.started(claim, handle, at, event));
    }

    private boolean published(TimerClaim claim) throws Throwable {
        Instant at = Instant.now();
        Outbox.Pending event = outbox.pending(
                claim.projectId(),
                new io.contentfactory.contracts.events.PostPublished(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        claim.id(),
                        Platform.INSTAGRAM,
                        "rows-account",
                        io.contentfactory.contracts.events.PostFormat.FEED_IMAGE,
                        "media-1",
                        "https://example.test/p/1",
                        "caption",
                        at));
        return VertxContextSupport.subscribeAndAwait(
                () -> jobs.published(claim, new LivePost("media-1", "https://example.test/p/1"), at, event));
    }

    /** A job due tomorrow (the runner leaves it alone), leased at {@link #CURRENT_EPOCH} as a claim would lease it. */
    private static UUID leasedJob(UUID project) throws Exception {
        UUID job = UUID.randomUUID();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "insert into publisher.publish_jobs (project_id, id, post_id, target_id, media_id, platform, account_id,"
                            + " format, media_type, status, media_url, content_type, caption, fire_at, lease_owner, lease_epoch, lease_until)"
                            + " values ('" + project + "', '" + job
                            + "', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'instagram',"
                            + " 'rows-account', 'feed_image', 'image', 'queued', 'http://localhost/media/a.jpg', 'image/jpeg', 'caption',"
                            + " now() + interval '1 day', 'another-runner', " + CURRENT_EPOCH
                            + ", now() + interval '1 hour')");
        }
        return job;
    }

    private static String jobSql(UUID job) {
        return "select status, container_id, published_media_id, fired_at, lease_until from publisher.publish_jobs where id = '"
                + job + "'";
    }

    private static long events(UUID project) {
        return count("select count(*) from publisher.outbox where project_id = '" + project + "'");
    }

    private static long events(UUID project, String topic) {
        return count("select count(*) from publisher.outbox where project_id = '" + project + "' and topic = '" + topic
                + "'");
    }
}
