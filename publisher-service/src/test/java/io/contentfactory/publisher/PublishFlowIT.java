package io.contentfactory.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.PostUnconfirmed;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class PublishFlowIT {

    /** Every platform's base URL points at the sandbox; the same in every publisher test, so Quarkus starts once. */
    static final String SANDBOX_URLS = "factory.publisher.instagram.base-url,factory.publisher.tiktok.base-url=/tiktok,"
            + "factory.publisher.youtube.base-url=/youtube,factory.publisher.youtube.token-url=/google/oauth2/token,"
            + "factory.publisher.blotato.base-url=/blotato,factory.publisher.tiktok.permalink-template=/tiktok/@{username}/video/{id},"
            + "factory.publisher.youtube.permalink-template=/youtube/shorts/{id}";

    private static final Duration TIMEOUT = PublishTests.TIMEOUT;
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void aDuePostIsPublishedThroughTheContainerFlowExactlyOnce() {
        UUID projectId = connectedProject();
        PostDue due = due("cover.jpg");
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        PostPublished published = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublished.class);
        assertThat(published.caption()).isEqualTo("Green bowl\n\n#recipes #vegan");
        assertThat(published.permalink()).contains("/sandbox/instagram/p/");

        Map<String, String> job = job(
                "select status, container_id, published_media_id, caption, permalink from publisher.publish_jobs where target_id = '"
                        + due.targetId() + "'");
        assertThat(job.get("status")).isEqualTo("published");
        assertThat(job.get("container_id")).isNotBlank();
        assertThat(job.get("published_media_id")).isEqualTo(published.externalPostId());
        PostPublishing started = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHING,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublishing.class);
        assertThat(started.jobId()).isEqualTo(published.jobId());
        assertThat(started.startedAt()).isBeforeOrEqualTo(published.publishedAt());
        assertThat(job.get("caption")).isEqualTo(published.caption());

        List<Map<String, Object>> live = RestAssured.get(
                        SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.id == '" + published.externalPostId() + "' }");
        assertThat(live)
                .singleElement()
                .satisfies(m -> assertThat(m.get("caption")).isEqualTo(published.caption()));

        // A second post.due for the published target (a redelivery with a new event id) creates no job and no post.
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));
        PostDue marker = due("cover.jpg");
        kafka.send(Topics.POST_DUE, marker.postId().toString(), envelope(projectId, marker));
        kafka.awaitOne(
                Topics.POST_PUBLISHED, r -> r.value().contains(marker.targetId().toString()), TIMEOUT);
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aPngIsRefusedByThePreflightAndARetryIsANewJob() {
        UUID projectId = connectedProject();
        PostDue png = due("cover.png");
        kafka.send(Topics.POST_DUE, png.postId().toString(), envelope(projectId, png));

        PostFailed failed = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_FAILED,
                                r -> r.value().contains(png.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostFailed.class);
        assertThat(failed.error().code()).isEqualTo("media_not_jpeg");
        assertThat(failed.error().stage()).isEqualTo("asset_preflight");
        assertThat(failed.error().details()).containsEntry("content_type", "image/png");
        Map<String, String> job =
                job("select status, error_json, container_id from publisher.publish_jobs where target_id = '"
                        + png.targetId() + "'");
        assertThat(job.get("status")).isEqualTo("failed");
        assertThat(job.get("error_json")).contains("\"stage\":\"asset_preflight\"", "\"retryable\":false");
        assertThat(job.get("container_id")).as("Instagram never saw it").isNull();

        PostDue retry = new PostDue(
                png.postId(),
                png.targetId(),
                png.mediaId(),
                png.platform(),
                png.accountId(),
                png.format(),
                png.mediaType(),
                png.mediaUrl().replace(".png", ".jpg"),
                "image/jpeg",
                png.caption(),
                png.scheduledAt());
        kafka.send(Topics.POST_DUE, retry.postId().toString(), envelope(projectId, retry));
        kafka.awaitOne(
                Topics.POST_PUBLISHED, r -> r.value().contains(png.targetId().toString()), TIMEOUT);
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from publisher.publish_jobs where target_id = '" + png.targetId() + "'")
                                == 2);
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + png.targetId()
                        + "' and status = 'failed'"))
                .isEqualTo(1);
    }

    @Test
    void transientPlatformErrorsAreRetriedAsNewJobsAndOnlyTheOutcomeIsAnnounced() {
        UUID projectId = connectedProject();
        armFaults("CREATE_CONTAINER", "SERVER_ERROR", 1);
        armFaults("CREATE_CONTAINER", "RATE_LIMIT", 1);
        PostDue due = due("cover.jpg");
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        kafka.awaitOne(
                Topics.POST_PUBLISHED, r -> r.value().contains(due.targetId().toString()), TIMEOUT);
        String jobs = "select attempt, status, error_json from publisher.publish_jobs where target_id = '"
                + due.targetId() + "' order by attempt";
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'")
                                == 3);
        assertThat(job(jobs.replace("order by attempt", "and attempt = 1")))
                .containsEntry("status", "failed")
                .hasEntrySatisfying(
                        "error_json",
                        error -> assertThat(error)
                                .contains("instagram_error_2", "\"retryable\":true", "create_container"));
        assertThat(job(jobs.replace("order by attempt", "and attempt = 2")))
                .containsEntry("status", "failed")
                .hasEntrySatisfying("error_json", error -> assertThat(error).contains("instagram_error_4"));
        assertThat(job(jobs.replace("order by attempt", "and attempt = 3"))).containsEntry("status", "published");
        assertThat(kafka.all(Topics.POST_FAILED))
                .noneMatch(r -> r.value().contains(due.targetId().toString()));
    }

    @Test
    void retriesStopAtTheCapAndThenTheFailureIsAnnouncedOnce() {
        UUID projectId = connectedProject();
        armFaults("CREATE_CONTAINER", "SERVER_ERROR", 3);
        PostDue due = due("cover.jpg");
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        PostFailed failed = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_FAILED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostFailed.class);
        assertThat(failed.error().retryable()).isTrue();
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId()
                        + "' and status = 'failed'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId()
                        + "' and status <> 'failed'"))
                .isZero();
        assertThat(kafka.all(Topics.POST_FAILED).stream()
                        .filter(r -> r.value().contains(due.targetId().toString())))
                .hasSize(1);
    }

    @Test
    void aPublishWhoseAnswerNeverComesIsReconciledNotRepeated() {
        UUID projectId = connectedProject();
        armFaults("PUBLISH", "SUCCEEDS_LATE", 1);
        PostDue plain = due("cover.jpg");
        String caption = "Late answer " + UUID.randomUUID();
        PostDue due = new PostDue(
                plain.postId(),
                plain.targetId(),
                plain.mediaId(),
                plain.platform(),
                plain.accountId(),
                plain.format(),
                plain.mediaType(),
                plain.mediaUrl(),
                plain.contentType(),
                new CaptionParts(caption, null, List.of()),
                plain.scheduledAt());
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        PostPublished published = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublished.class);
        List<Map<String, Object>> live = RestAssured.get(
                        SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.caption == '" + caption + "' }");
        assertThat(live)
                .singleElement()
                .satisfies(media -> assertThat(media.get("id")).isEqualTo(published.externalPostId()));
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .isEqualTo(1);
        assertThat(job("select status from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .containsEntry("status", "published");
        assertThat(kafka.all(Topics.POST_PUBLISHED).stream()
                        .filter(r -> r.value().contains(due.targetId().toString())))
                .hasSize(1);
    }

    /**
     * The publish answers too late, and the first read of the account's media (Meta's {@code +0000} timestamps, an
     * error without {@code error_subcode}) fails too: the outcome is unknown, announced, and reconciled from the same
     * container until the post is found. No second container, no second post.
     */
    @Test
    void aSlowPublishWhoseFirstReconciliationFailsIsReconciledAgainNeverPublishedTwice() {
        UUID projectId = connectedProject();
        armFaults("PUBLISH", "SUCCEEDS_LATE", 1);
        armFaults("LIST_MEDIA", "SERVER_ERROR", 1);
        String caption = "Slow answer " + UUID.randomUUID();
        PostDue due = withCaption(due("cover.jpg"), caption);
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        PostUnconfirmed unconfirmed = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_UNCONFIRMED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostUnconfirmed.class);
        assertThat(unconfirmed.needsDecision()).isFalse();
        assertThat(unconfirmed.reason().code()).isEqualTo("instagram_error_2");
        assertThat(unconfirmed.reason().details()).doesNotContainKey("graph_subcode");
        PostPublished published = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublished.class);

        assertThat(published.jobId()).isEqualTo(unconfirmed.jobId());
        assertThat(liveWithCaption(caption))
                .singleElement()
                .satisfies(media -> assertThat(media.get("id")).isEqualTo(published.externalPostId()));
        Map<String, String> job =
                job("select status, container_id, reconcile_attempts from publisher.publish_jobs where target_id = '"
                        + due.targetId() + "'");
        assertThat(job).containsEntry("status", "published").containsEntry("container_id", unconfirmed.handle());
        assertThat(Integer.parseInt(job.get("reconcile_attempts"))).isPositive();
        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .isEqualTo(1);
        assertThat(kafka.all(Topics.POST_FAILED))
                .noneMatch(r -> r.value().contains(due.targetId().toString()));
    }

    /**
     * When Instagram cannot be asked for the whole reconciliation window, the job waits for a person's decision: it
     * is never failed into a retry, and a new post.due for its target makes no new job.
     */
    @Test
    void aPublishWhoseOutcomeStaysUnknownWaitsForAPersonsDecision() {
        String account = "ig-undecided-" + UUID.randomUUID().toString().substring(0, 8);
        String token = (String)
                PublishTests.grant("instagram", Map.of("accountId", account)).get("accessToken");
        UUID projectId = PublishTests.connect("instagram", account, token, null, null);
        PublishTests.armFault("instagram", account, "PUBLISH", "SUCCEEDS_LATE", 1);
        PublishTests.armFault("instagram", account, "LIST_MEDIA", "SERVER_ERROR", 10_000);
        String caption = "Undecided " + UUID.randomUUID();
        PostDue due = withCaption(
                PublishTests.due(Platform.INSTAGRAM, account, PostFormat.FEED_IMAGE, "cover.jpg", "x"), caption);
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));

        kafka.awaitOne(
                Topics.POST_UNCONFIRMED,
                r -> r.value().contains(due.targetId().toString()) && r.value().contains("\"needsDecision\":true"),
                TIMEOUT);
        assertThat(job("select status from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .containsEntry("status", "needs_decision");
        kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));
        PostDue marker = PublishTests.due(Platform.INSTAGRAM, account, PostFormat.FEED_IMAGE, "cover.jpg", "marker");
        kafka.send(Topics.POST_DUE, marker.postId().toString(), envelope(projectId, marker));
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from publisher.publish_jobs where target_id = '" + marker.targetId()
                                + "'")
                        == 1);

        assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                .isEqualTo(1);
        List<Map<String, Object>> live = liveWithCaption(caption);
        assertThat(live).hasSize(1);
        assertThat(kafka.all(Topics.POST_FAILED))
                .noneMatch(r -> r.value().contains(due.targetId().toString()));

        // The person finds the post on Instagram and says so: the job is published, and post.published goes out.
        String jobId = job("select id from publisher.publish_jobs where target_id = '" + due.targetId() + "'")
                .get("id");
        String externalId = String.valueOf(live.getFirst().get("id"));
        String key = PublishTests.TOKENS.valid(projectId, "read", "write");
        RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of(
                        "outcome",
                        "published",
                        "externalId",
                        externalId,
                        "permalink",
                        live.getFirst().get("permalink")))
                .post("/v1/publish-jobs/" + jobId + "/decision")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("published"))
                .body("externalId", org.hamcrest.Matchers.equalTo(externalId));
        PostPublished published = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublished.class);
        assertThat(published.externalPostId()).isEqualTo(externalId);
        RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of("outcome", "not_published"))
                .post("/v1/publish-jobs/" + jobId + "/decision")
                .then()
                .statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("no_decision_needed"));
    }

    private static PostDue withCaption(PostDue plain, String caption) {
        return new PostDue(
                plain.postId(),
                plain.targetId(),
                plain.mediaId(),
                plain.platform(),
                plain.accountId(),
                plain.format(),
                plain.mediaType(),
                plain.mediaUrl(),
                plain.contentType(),
                new CaptionParts(caption, null, List.of()),
                plain.scheduledAt());
    }

    private static List<Map<String, Object>> liveWithCaption(String caption) {
        return RestAssured.get(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.caption == '" + caption + "' }");
    }

    @Test
    void aJobOverTheAccountsQuotaWaitsForItInsteadOfFailing() throws Exception {
        UUID projectId = connectedProject();
        long used = RestAssured.given()
                .queryParam("access_token", "sandbox-token")
                .get(SandboxResource.sandbox().baseUrl() + "/v21.0/sandbox-ig-account/content_publishing_limit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("data[0].quota_usage");
        setPublishLimit((int) used);
        try {
            PostDue due = due("cover.jpg");
            kafka.send(Topics.POST_DUE, due.postId().toString(), envelope(projectId, due));
            String target =
                    "select status, fire_at from publisher.publish_jobs where target_id = '" + due.targetId() + "'";
            await().atMost(TIMEOUT)
                    .until(() ->
                            count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId()
                                            + "' and fired_at is null and lease_until is null and fire_at > created_at")
                                    == 1);
            // Postponed, not failed: the runner put the job back, queued, due again when the quota frees a slot.
            assertThat(job(target)).containsEntry("status", "queued");
            assertThat(kafka.all(Topics.POST_FAILED))
                    .noneMatch(r -> r.value().contains(due.targetId().toString()));

            setPublishLimit((int) used + 10);
            kafka.awaitOne(
                    Topics.POST_PUBLISHED,
                    r -> r.value().contains(due.targetId().toString()),
                    TIMEOUT);
            assertThat(count("select count(*) from publisher.publish_jobs where target_id = '" + due.targetId() + "'"))
                    .isEqualTo(1);
        } finally {
            setPublishLimit(50);
        }
    }

    @Test
    void aReelIsPublishedFromAVideoContainer() {
        UUID projectId = connectedProject();
        PostDue reel =
                PublishTests.due(Platform.INSTAGRAM, "sandbox-ig-account", PostFormat.REEL, "clip.mp4", "A reel");
        PublishTests.send(kafka, projectId, reel);

        PostPublished published = PublishTests.awaitPublished(kafka, reel);
        assertThat(PublishTests.sandboxList("/sandbox/instagram/media"))
                .filteredOn(m -> m.get("id").equals(published.externalPostId()))
                .singleElement()
                .satisfies(m -> assertThat(m.get("mediaType")).isEqualTo("REELS"));
    }

    @Test
    void aCarouselIsPublishedFromItsItemContainers() {
        UUID projectId = connectedProject();
        PostDue carousel = carousel(List.of("cover.jpg", "pull/cover.jpg", "clip.mp4"));
        PublishTests.send(kafka, projectId, carousel);

        PostPublished published = PublishTests.awaitPublished(kafka, carousel);
        assertThat(PublishTests.sandboxList("/sandbox/instagram/media"))
                .filteredOn(m -> m.get("id").equals(published.externalPostId()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.get("mediaType")).isEqualTo("CAROUSEL_ALBUM");
                    assertThat(m.get("caption")).isEqualTo(published.caption());
                });
        assertThat(PublishTests.jobs(carousel.targetId()).get(0).get("carousel_json"))
                .contains("clip.mp4", "\"mediaType\":\"video\"");
    }

    @Test
    void aCarouselOfOneIsRefusedByThePreflight() {
        UUID projectId = connectedProject();
        PostDue single = carousel(List.of("cover.jpg"));
        PublishTests.send(kafka, projectId, single);

        PostFailed failed = PublishTests.awaitFailed(kafka, single);
        assertThat(failed.error().code()).isEqualTo("carousel_size");
        assertThat(failed.error().stage()).isEqualTo("asset_preflight");
        assertThat(failed.error().retryable()).isFalse();
    }

    private static PostDue carousel(List<String> files) {
        List<io.contentfactory.contracts.events.CarouselItem> items = files.stream()
                .map(file -> new io.contentfactory.contracts.events.CarouselItem(
                        UUID.randomUUID(),
                        file.endsWith(".mp4")
                                ? io.contentfactory.contracts.events.MediaType.VIDEO
                                : io.contentfactory.contracts.events.MediaType.IMAGE,
                        MediaServer.url(file),
                        MediaServer.contentType(file)))
                .toList();
        PostDue first = due(files.get(0));
        return new PostDue(
                first.postId(),
                first.targetId(),
                items.get(0).mediaId(),
                Platform.INSTAGRAM,
                first.accountId(),
                PostFormat.CAROUSEL,
                first.mediaType(),
                first.mediaUrl(),
                first.contentType(),
                new CaptionParts("A carousel " + UUID.randomUUID(), null, List.of("swipe")),
                first.scheduledAt(),
                items);
    }

    @Test
    void aContainerThatEndsInErrorFailsAtPollWithoutARetry() {
        UUID projectId = connectedProject();
        armFaults("CREATE_CONTAINER", "ERROR", 1);
        PostDue due = due("cover.jpg");
        PublishTests.send(kafka, projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("container_error");
        assertThat(failed.error().stage()).isEqualTo("poll");
        assertThat(failed.error().retryable()).isFalse();
        assertThat(failed.error().details())
                .containsEntry("status_code", "ERROR")
                .containsKey("container_id");
        assertThat(PublishTests.jobs(due.targetId()))
                .singleElement()
                .satisfies(job -> assertThat(job.get("status")).isEqualTo("failed"));
    }

    @Test
    void anExpiredContainerAndAFailedMediaFetchAreRetriedAsNewJobs() {
        UUID projectId = connectedProject();
        armFaults("CREATE_CONTAINER", "EXPIRED", 1);
        armFaults("CREATE_CONTAINER", "MEDIA_FETCH_FAILED", 1);
        PostDue due = due("cover.jpg");
        PublishTests.send(kafka, projectId, due);

        PublishTests.awaitPublished(kafka, due);
        await().atMost(TIMEOUT).until(() -> PublishTests.jobs(due.targetId()).size() == 3);
        List<Map<String, String>> jobs = PublishTests.jobs(due.targetId());
        assertThat(jobs.get(0).get("error_json"))
                .contains("container_expired", "\"stage\":\"poll\"", "\"retryable\":true");
        assertThat(jobs.get(1).get("error_json"))
                .contains("instagram_error_9004", "\"stage\":\"create_container\"", "\"retryable\":true");
        assertThat(jobs.get(2).get("status")).isEqualTo("published");
        assertThat(jobs).extracting(job -> job.get("container_id")).doesNotHaveDuplicates();
    }

    private static void setPublishLimit(int limit) {
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("accountId", "sandbox-ig-account", "limit", limit))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/publish-limit")
                .then()
                .statusCode(204);
    }

    private static void armFaults(String operation, String fault, int times) {
        PublishTests.armFault("instagram", "sandbox-ig-account", operation, fault, times);
    }

    /** A project with the sandbox's Instagram account connected through the API. */
    static UUID connectedProject() {
        return PublishTests.connect("instagram", "sandbox-ig-account", "sandbox-token", null, null);
    }

    static PostDue due(String file) {
        return PublishTests.due(Platform.INSTAGRAM, "sandbox-ig-account", PostFormat.FEED_IMAGE, file, "Green bowl");
    }

    static String envelope(UUID projectId, PostDue due) {
        return EventCodec.toJson(EventCodec.envelope(
                UUID.randomUUID(), "/content-factory/scheduler-service", projectId, Instant.now(), due));
    }

    static Map<String, String> job(String sql) {
        return PublishTests.row(sql);
    }

    private static long count(String sql) {
        return PublishTests.count(sql);
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "publisher",
                "cf_publisher",
                Map.of(),
                Map.of(
                        "publish_jobs_runnable_idx",
                        "timer claims span projects",
                        "platform_connections_refresh_idx",
                        "token refresh claims span projects"));
    }
}
