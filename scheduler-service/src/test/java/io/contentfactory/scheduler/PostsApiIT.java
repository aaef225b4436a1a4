package io.contentfactory.scheduler;

import static io.contentfactory.scheduler.SchedulerApi.TIMEOUT;
import static io.contentfactory.scheduler.SchedulerApi.TOKENS;
import static io.contentfactory.scheduler.SchedulerApi.analysed;
import static io.contentfactory.scheduler.SchedulerApi.body;
import static io.contentfactory.scheduler.SchedulerApi.count;
import static io.contentfactory.scheduler.SchedulerApi.expect;
import static io.contentfactory.scheduler.SchedulerApi.get;
import static io.contentfactory.scheduler.SchedulerApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PUT /v1/posts/{clientRef} and its reads: an external project's cron drives its posts through one endpoint. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(io.contentfactory.testkit.PostgresResource.class)
@QuarkusTestResource(FakeIngest.class)
class PostsApiIT {

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void aPostIsUpsertedByItsReferenceFiresAtItsTimeAndReadsBackItsLivePost() {
        UUID project = UUID.randomUUID();
        UUID media = analysed(project, MediaType.IMAGE);
        String ref = "cron-" + UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);

        Response created = put(project, ref, body(List.of(media), "feed_image", later.toString()));
        created.then()
                .statusCode(201)
                .body("clientRef", equalTo(ref))
                .body("targets[0].status", equalTo("planned"))
                .body("targets[0].scheduledAt", equalTo(later.toString()));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1/posts/" + id);
        get(project, "/v1/posts/" + ref).then().statusCode(200).body("id", equalTo(id));

        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        put(project, ref, body(List.of(media), "feed_image", soon.toString()))
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("targets", org.hamcrest.Matchers.hasSize(1));
        String target = get(project, "/v1/posts/" + id).path("targets[0].id");

        PostDue due = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(target), TIMEOUT)
                        .value()),
                PostDue.class);
        assertThat(due.scheduledAt()).isEqualTo(soon);
        assertThat(due.caption().disclosure()).isEqualTo("#ad");
        await().atMost(TIMEOUT)
                .until(() -> "due".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));
        put(project, ref, body(List.of(media), "feed_image", "auto"))
                .then()
                .statusCode(409)
                .body("code", equalTo("post_locked"));

        UUID job = UUID.randomUUID();
        kafka.send(
                Topics.POST_PUBLISHING,
                due.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/publisher-service",
                        project,
                        Instant.now(),
                        new PostPublishing(
                                due.postId(), due.targetId(), job, Platform.INSTAGRAM, "acct", Instant.now()))));
        await().atMost(TIMEOUT)
                .until(() -> "publishing".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));

        PostPublished published = new PostPublished(
                due.postId(),
                due.targetId(),
                media,
                job,
                Platform.INSTAGRAM,
                "acct",
                PostFormat.FEED_IMAGE,
                "17900042",
                "https://sandbox/p/42",
                "caption",
                Instant.now());
        kafka.send(
                Topics.POST_PUBLISHED,
                due.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/publisher-service", project, Instant.now(), published)));
        await().atMost(TIMEOUT)
                .until(() -> "published".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));
        get(project, "/v1/posts/" + id)
                .then()
                .body("targets[0].permalink", equalTo("https://sandbox/p/42"))
                .body("targets[0].externalPostId", equalTo("17900042"));
        get(UUID.randomUUID(), "/v1/posts/" + id).then().statusCode(404);
    }

    /**
     * A target that failed for a cause a person can mend (no connection for the account) does not lock its post: once
     * the account is connected the same upsert plans it again and it fires again. A published target still locks it.
     */
    @Test
    void aFailedTargetIsPlannedAgainOnceItsCauseIsFixedAndAPublishedOneStaysLocked() {
        UUID project = UUID.randomUUID();
        UUID media = analysed(project, MediaType.IMAGE);
        String ref = "fixable-" + UUID.randomUUID();
        String id = put(
                        project,
                        ref,
                        body(
                                List.of(media),
                                "feed_image",
                                Instant.now().plusSeconds(1).toString()))
                .path("id");
        PostDue first = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(id), TIMEOUT)
                        .value()),
                PostDue.class);
        kafka.send(
                Topics.POST_FAILED,
                first.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/publisher-service",
                        project,
                        Instant.now(),
                        new PostFailed(
                                first.postId(),
                                first.targetId(),
                                media,
                                UUID.randomUUID(),
                                Platform.INSTAGRAM,
                                first.accountId(),
                                new PublishError(
                                        "connection_not_found",
                                        "this project has no instagram connection",
                                        "connection",
                                        false,
                                        Map.of())))));
        await().atMost(TIMEOUT)
                .until(() -> "failed".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));

        put(
                        project,
                        ref,
                        body(
                                List.of(media),
                                "feed_image",
                                Instant.now().plusSeconds(1).toString()))
                .then()
                .statusCode(200)
                .body("targets[0].status", equalTo("planned"))
                .body("targets[0].id", equalTo(first.targetId().toString()));
        await().atMost(TIMEOUT)
                .until(() -> kafka.all(Topics.POST_DUE).stream()
                                .filter(r -> r.value().contains(id))
                                .count()
                        == 2);

        PostPublished published = new PostPublished(
                first.postId(),
                first.targetId(),
                media,
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                first.accountId(),
                PostFormat.FEED_IMAGE,
                "17900077",
                "https://sandbox/p/77",
                "caption",
                Instant.now());
        kafka.send(
                Topics.POST_PUBLISHED,
                first.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/publisher-service", project, Instant.now(), published)));
        await().atMost(TIMEOUT)
                .until(() -> "published".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));
        put(project, ref, body(List.of(media), "feed_image", "auto"))
                .then()
                .statusCode(409)
                .body("code", equalTo("post_locked"));
    }

    /**
     * An external project uploads and at once upserts a post: the media is ingest-service's but its analysis has not
     * arrived here. The post is accepted, its target waits for the media, and it is planned and fires once it does.
     */
    @Test
    void aPostNamingMediaStillBeingAnalysedWaitsForItAndFiresWhenItArrives() {
        UUID project = UUID.randomUUID();
        UUID media = UUID.randomUUID();
        FakeIngest.item(media, "ingested", null, "analyzing", null);
        String ref = "early-" + UUID.randomUUID();
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

        Response accepted = put(project, ref, body(List.of(media), "feed_image", at.toString()));
        accepted.then().statusCode(201).body("targets[0].status", equalTo("waiting_for_media"));
        String id = accepted.path("id");
        put(project, ref, body(List.of(media), "feed_image", at.toString()))
                .then()
                .statusCode(200)
                .body("targets[0].status", equalTo("waiting_for_media"));
        assertThat(kafka.all(Topics.POST_DUE)).noneMatch(r -> r.value().contains(id));
        get(project, "/v1/calendar").then().statusCode(200).body("entries[0].status", equalTo("waiting_for_media"));

        analysed(project, media, MediaType.IMAGE);
        PostDue due = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(id), TIMEOUT)
                        .value()),
                PostDue.class);
        assertThat(due.mediaId()).isEqualTo(media);
        assertThat(due.mediaUrl()).contains(media.toString());
        assertThat(due.scheduledAt()).isAfterOrEqualTo(at);
    }

    @Test
    void aPostNamingRejectedOrUnknownMediaIsRefusedAndOneWhoseAnalysisFailsFails() {
        UUID project = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        FakeIngest.item(rejected, "rejected", "duration over the 20-minute limit", null, null);
        UUID failing = UUID.randomUUID();
        FakeIngest.item(failing, "ingested", null, "analyzing", null);
        String future = Instant.now().plus(Duration.ofHours(2)).toString();

        expect(put(project, "rejected", body(List.of(rejected), "feed_image", future)), 422, "media_unusable");
        expect(put(project, "unknown", body(List.of(UUID.randomUUID()), "feed_image", future)), 422, "media_not_found");
        assertThat(get(project, "/v1/posts/rejected").statusCode()).isEqualTo(404);

        String id = put(project, "failing", body(List.of(failing), "feed_image", future))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        kafka.send(
                Topics.MEDIA_ANALYSIS_PROGRESSED,
                failing.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/analysis-service",
                        project,
                        Instant.now(),
                        new MediaAnalysisProgressed(
                                failing, "analysis_failed", "frames", 40, "the video stream is corrupt"))));
        await().atMost(TIMEOUT)
                .until(() -> "failed".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));
        assertThat(count("select count(*) from scheduler.post_targets where post_id = '" + id
                        + "' and error_json like '%media_analysis_failed%the video stream is corrupt%'"))
                .isEqualTo(1);
    }

    /**
     * An item still arriving at ingest-service when its post was upserted, which ingest-service then refuses: the
     * waiting target fails with the reason, and a later upsert naming it is refused, even though the (stale) answer
     * of ingest-service's state route still says it is coming.
     */
    @Test
    void aPostWaitingForAnItemThatIngestServiceRefusesFailsAndTheItemIsRefusedFromThenOn() {
        UUID project = UUID.randomUUID();
        UUID arriving = UUID.randomUUID();
        FakeIngest.item(arriving, "receiving", null, null, null);
        String future = Instant.now().plus(Duration.ofHours(2)).toString();
        String id = put(project, "arriving", body(List.of(arriving), "feed_image", future))
                .then()
                .statusCode(201)
                .body("targets[0].status", equalTo("waiting_for_media"))
                .extract()
                .path("id");

        kafka.send(
                Topics.MEDIA_REJECTED,
                arriving.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/ingest-service",
                        project,
                        Instant.now(),
                        new MediaRejected(arriving, "rejected", "corrupt_media: no decodable stream", null))));
        await().atMost(TIMEOUT)
                .until(() -> "failed".equals(get(project, "/v1/posts/" + id).path("targets[0].status")));
        assertThat(count("select count(*) from scheduler.post_targets where post_id = '" + id
                        + "' and error_json like '%media_rejected%corrupt_media: no decodable stream%'"))
                .isEqualTo(1);

        expect(put(project, "later", body(List.of(arriving), "feed_image", future)), 422, "media_unusable");
        assertThat(get(project, "/v1/posts/later").statusCode()).isEqualTo(404);
    }

    @Test
    void theDatabaseChecksTheSameTargetStatusesAsTheEnum() {
        io.contentfactory.testkit.CheckConstraints.listExactly(
                "post_targets_status_check", io.contentfactory.scheduler.domain.TargetStatus.class);
    }

    @Test
    void autoTimesComeFromThePlannerAndACanceledPostNeverFires() {
        UUID project = UUID.randomUUID();
        UUID media = analysed(project, MediaType.IMAGE);
        Response auto = put(project, "auto-1", body(List.of(media), "feed_image", "auto"));
        auto.then().statusCode(201);
        assertThat(Instant.parse(auto.path("targets[0].scheduledAt"))).isAfter(Instant.now());

        Instant soon = Instant.now().plusSeconds(2);
        String id = put(project, "cancel-me", body(List.of(media), "feed_image", soon.toString()))
                .path("id");
        String target = get(project, "/v1/posts/" + id).path("targets[0].id");
        RestAssured.given()
                .auth()
                .oauth2(TOKENS.valid(project, "read", "write"))
                .post("/v1/posts/{id}/cancel", id)
                .then()
                .statusCode(200)
                .body("targets[0].status", equalTo("canceled"));
        // A witness due a second after the canceled slot: once it has fired, the canceled one would have too.
        String witness = put(
                        project,
                        "witness",
                        body(List.of(media), "feed_image", soon.plusSeconds(1).toString()))
                .path("id");
        kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(witness), TIMEOUT);
        assertThat(kafka.all(Topics.POST_DUE)).noneMatch(r -> r.value().contains(target));

        List<Map<String, Object>> listed = RestAssured.given()
                .auth()
                .oauth2(TOKENS.valid(project, "read"))
                .queryParam("from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(70)).toString())
                .queryParam("status", "canceled")
                .get("/v1/posts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(listed).extracting(post -> post.get("id")).containsExactly(id);
    }

    @Test
    void aCarouselPostCarriesItsItemsInOrder() {
        UUID project = UUID.randomUUID();
        List<UUID> media = List.of(
                analysed(project, MediaType.IMAGE),
                analysed(project, MediaType.VIDEO),
                analysed(project, MediaType.IMAGE));
        String id = put(
                        project,
                        "carousel",
                        body(media, "carousel", Instant.now().plusSeconds(2).toString()))
                .path("id");
        String target = get(project, "/v1/posts/" + id).path("targets[0].id");

        PostDue due = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(target), TIMEOUT)
                        .value()),
                PostDue.class);
        assertThat(due.format()).isEqualTo(PostFormat.CAROUSEL);
        assertThat(due.carousel()).extracting(item -> item.mediaId()).containsExactlyElementsOf(media);
        assertThat(due.carousel().get(1).mediaType()).isEqualTo(MediaType.VIDEO);
    }

    @Test
    void anImageWithAJpegRenditionGoesToInstagramAsTheRenditionAndElsewhereAsItIs() {
        UUID project = UUID.randomUUID();
        UUID png = SchedulerApi.analysedPngWithRendition(project);
        UUID jpeg = analysed(project, MediaType.IMAGE);
        Map<String, Object> single =
                body(List.of(png), "feed_image", Instant.now().plusSeconds(2).toString());
        single.put(
                "targets",
                List.of(
                        Map.of("platform", "instagram", "accountId", "acct-ig", "format", "feed_image"),
                        Map.of("platform", "blotato", "accountId", "acct-blotato", "format", "feed_image")));
        String id = put(project, "png-" + UUID.randomUUID(), single)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String carouselId = put(
                        project,
                        "png-carousel-" + UUID.randomUUID(),
                        body(
                                List.of(jpeg, png),
                                "carousel",
                                Instant.now().plusSeconds(2).toString()))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, PostDue> byPlatform = new HashMap<>();
        for (String platform : List.of("instagram", "blotato")) {
            String target = get(project, "/v1/posts/" + id)
                    .jsonPath()
                    .getString("targets.find { it.platform == '" + platform + "' }.id");
            byPlatform.put(
                    platform,
                    EventCodec.data(
                            EventCodec.parse(kafka.awaitOne(
                                            Topics.POST_DUE, r -> r.value().contains(target), TIMEOUT)
                                    .value()),
                            PostDue.class));
        }
        assertThat(byPlatform.get("instagram").mediaUrl()).endsWith("/" + png + "/jpeg?signature=j");
        assertThat(byPlatform.get("instagram").contentType()).isEqualTo("image/jpeg");
        assertThat(byPlatform.get("blotato").mediaUrl()).endsWith("/" + png + "/content?signature=c");
        assertThat(byPlatform.get("blotato").contentType()).isEqualTo("image/png");

        String carouselTarget = get(project, "/v1/posts/" + carouselId).path("targets[0].id");
        PostDue carousel = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(Topics.POST_DUE, r -> r.value().contains(carouselTarget), TIMEOUT)
                        .value()),
                PostDue.class);
        assertThat(carousel.carousel().get(0).mediaUrl()).endsWith("/" + jpeg + "/content");
        assertThat(carousel.carousel().get(1).mediaUrl()).endsWith("/" + png + "/jpeg?signature=j");
        assertThat(carousel.carousel().get(1).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void badPostsGetClearCodes() {
        UUID project = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID media = analysed(project, MediaType.IMAGE);
        UUID othersMedia = analysed(other, MediaType.IMAGE);
        String future = Instant.now().plus(Duration.ofHours(2)).toString();

        expect(
                put(
                        project,
                        "p1",
                        body(
                                List.of(media),
                                "feed_image",
                                Instant.now().minusSeconds(60).toString())),
                422,
                "scheduled_in_past");
        expect(put(project, "p2", body(List.of(UUID.randomUUID()), "feed_image", future)), 422, "media_not_found");
        expect(put(project, "p3", body(List.of(othersMedia), "feed_image", future)), 422, "media_not_found");
        expect(put(project, "bad ref!", body(List.of(media), "feed_image", future)), 400, "invalid_client_ref");
        expect(put(project, "p4", body(List.of(media), "short", future)), 400, "format_not_supported");
        expect(put(project, "p5", body(List.of(media), "feed_image", "next tuesday")), 400, "invalid_time");
        expect(put(project, "p6", body(List.of(media), "carousel", future)), 400, "media_count");
        Map<String, Object> twice = body(List.of(media), "feed_image", future);
        twice.put(
                "targets",
                List.of(
                        Map.of("platform", "instagram", "accountId", "a", "format", "feed_image"),
                        Map.of("platform", "instagram", "accountId", "a", "format", "reel")));
        expect(put(project, "p7", twice), 400, "duplicate_target");
        assertThat(count("select count(*) from scheduler.posts where client_ref like 'p_'"))
                .isZero();
    }
}
