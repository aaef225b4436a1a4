package io.contentfactory.publisher;

import static io.contentfactory.publisher.PublishTests.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** TikTok, YouTube Shorts and Blotato through their adapters against the sandbox: success, each failure, quotas. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class OtherPlatformsIT {

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    // ---- TikTok

    @Test
    void aTikTokVideoFromAVerifiedUrlIsPulledAndPublished() {
        TikTokAccount account = tiktok(true);
        PostDue due = PublishTests.due(
                Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Pulled clip");
        PublishTests.send(kafka, account.projectId, due);

        PostPublished published = PublishTests.awaitPublished(kafka, due);
        assertThat(published.permalink())
                .endsWith("/tiktok/@" + account.username + "/video/" + published.externalPostId());
        Map<String, String> job = PublishTests.jobs(due.targetId()).get(0);
        assertThat(job.get("container_id")).startsWith("v_pub_pull").doesNotContain(" ");
        assertThat(PublishTests.sandboxList("/sandbox/tiktok/posts"))
                .filteredOn(p -> p.get("id").equals(published.externalPostId()))
                .singleElement()
                .satisfies(post -> {
                    assertThat(post.get("title")).isEqualTo(published.caption());
                    assertThat(post.get("privacyLevel")).isEqualTo("PUBLIC_TO_EVERYONE");
                });
    }

    @Test
    void aTikTokVideoElsewhereIsUploadedInChunksAndPublished() {
        TikTokAccount account = tiktok(true);
        PostDue due =
                PublishTests.due(Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "clip.mp4", "Uploaded clip");
        PublishTests.send(kafka, account.projectId, due);

        PostPublished published = PublishTests.awaitPublished(kafka, due);
        Map<String, String> job = PublishTests.jobs(due.targetId()).get(0);
        assertThat(job.get("container_id"))
                .startsWith("v_pub_file_upload")
                .contains(" " + SandboxResource.sandbox().baseUrl() + "/tiktok/upload/");
        assertThat(PublishTests.sandboxList("/sandbox/tiktok/posts"))
                .filteredOn(p -> p.get("id").equals(published.externalPostId()))
                .hasSize(1);
    }

    @Test
    void anUnauditedTikTokAppGetsAClearErrorAndNoRetry() {
        TikTokAccount account = tiktok(false);
        PostDue due =
                PublishTests.due(Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Private?");
        PublishTests.send(kafka, account.projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("tiktok_unaudited_client");
        assertThat(failed.error().message()).contains("SELF_ONLY");
        assertThat(failed.error().stage()).isEqualTo("upload");
        assertThat(failed.error().retryable()).isFalse();
        assertThat(failed.error().details()).containsEntry("http_status", 403);
        assertThat(PublishTests.jobs(due.targetId())).hasSize(1);
    }

    @Test
    void anImageForTikTokIsRefusedByThePreflightBeforeTikTokHearsOfIt() {
        TikTokAccount account = tiktok(true);
        PostDue due = PublishTests.due(
                Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/cover.jpg", "Not a video");
        PublishTests.send(kafka, account.projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("media_type_unsupported");
        assertThat(failed.error().stage()).isEqualTo("asset_preflight");
        assertThat(failed.error().retryable()).isFalse();
        assertThat(failed.error().details()).containsEntry("content_type", "image/jpeg");
        assertThat(PublishTests.jobs(due.targetId()).get(0).get("container_id")).isNull();
    }

    @Test
    void aTikTokPublishThatFailsInProcessingIsRetriedAsANewJob() {
        TikTokAccount account = tiktok(true);
        PublishTests.armFault("tiktok", account.openId, "INIT", "ERROR", 1);
        PostDue due = PublishTests.due(
                Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Processing hiccup");
        PublishTests.send(kafka, account.projectId, due);

        PublishTests.awaitPublished(kafka, due);
        await().atMost(TIMEOUT).until(() -> PublishTests.jobs(due.targetId()).size() == 2);
        assertThat(PublishTests.jobs(due.targetId()).get(0).get("error_json"))
                .contains(
                        "tiktok_internal", "\"stage\":\"poll\"", "\"retryable\":true", "\"fail_reason\":\"internal\"");
    }

    @Test
    void aTikTokPullThatFailsOrARateLimitIsRetriedAsANewJob() {
        TikTokAccount account = tiktok(true);
        PublishTests.armFault("tiktok", account.openId, "INIT", "RATE_LIMIT", 1);
        PublishTests.armFault("tiktok", account.openId, "INIT", "MEDIA_FETCH_FAILED", 1);
        PostDue due = PublishTests.due(
                Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Second time lucky");
        PublishTests.send(kafka, account.projectId, due);

        PublishTests.awaitPublished(kafka, due);
        await().atMost(TIMEOUT).until(() -> PublishTests.jobs(due.targetId()).size() == 3);
        List<Map<String, String>> jobs = PublishTests.jobs(due.targetId());
        assertThat(jobs.get(0).get("error_json"))
                .contains(
                        "tiktok_rate_limit_exceeded",
                        "\"http_status\":429",
                        "\"stage\":\"upload\"",
                        "\"retryable\":true");
        assertThat(jobs.get(1).get("error_json"))
                .contains("tiktok_video_pull_failed", "\"stage\":\"poll\"", "\"retryable\":true");
        assertThat(jobs.get(2).get("status")).isEqualTo("published");
    }

    /** The test profile allows 2 inits per minute and account: the third job waits, queued, for the window to pass. */
    @Test
    void aTikTokJobOverThePerMinuteInitLimitWaitsForIt() {
        TikTokAccount account = tiktok(true);
        List<PostDue> posts = List.of(
                PublishTests.due(Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "One"),
                PublishTests.due(Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Two"));
        posts.forEach(due -> PublishTests.send(kafka, account.projectId, due));
        posts.forEach(due -> PublishTests.awaitPublished(kafka, due));

        PostDue third =
                PublishTests.due(Platform.TIKTOK, account.openId, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Three");
        PublishTests.send(kafka, account.projectId, third);
        await().atMost(TIMEOUT)
                .until(() -> PublishTests.count(
                                "select count(*) from publisher.publish_jobs where target_id = '" + third.targetId()
                                        + "' and lease_until is null and fire_at > now() + interval '20 seconds'")
                        == 1);
        Map<String, String> waiting = PublishTests.jobs(third.targetId()).get(0);
        assertThat(waiting.get("status")).isEqualTo("queued");
        assertThat(waiting.get("container_id")).isNull();
        assertThat(kafka.all(Topics.POST_FAILED))
                .noneMatch(r -> r.value().contains(third.targetId().toString()));
    }

    // ---- YouTube Shorts

    @Test
    void aShortIsUploadedResumablyAndPublishedWithItsTitleAndNotification() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        UUID projectId = youtube(channel);
        PostDue due = PublishTests.due(
                Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "Five-minute ramen\nThe long story");
        PublishTests.send(kafka, projectId, due);

        PostPublished published = PublishTests.awaitPublished(kafka, due);
        assertThat(published.permalink()).endsWith("/youtube/shorts/" + published.externalPostId());
        assertThat(PublishTests.jobs(due.targetId()).get(0).get("container_id"))
                .contains("/youtube/upload/youtube/v3/videos?uploadType=resumable&upload_id=");
        assertThat(PublishTests.sandboxList("/sandbox/youtube/videos"))
                .filteredOn(v -> v.get("id").equals(published.externalPostId()))
                .singleElement()
                .satisfies(video -> {
                    assertThat(video.get("title")).isEqualTo("Five-minute ramen");
                    assertThat(video.get("description")).isEqualTo(published.caption());
                    assertThat(video.get("notifySubscribers")).isEqualTo(true);
                    assertThat(video.get("privacyStatus")).isEqualTo("public");
                });
    }

    /** The bytes arrive but the answer does not: the session is asked, and the one video is found, not uploaded again. */
    @Test
    void anUploadWhoseAnswerIsLostIsResumedFromTheSession() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        UUID projectId = youtube(channel);
        PublishTests.armFault("youtube", channel, "UPLOAD", "SUCCEEDS_LATE", 1);
        PostDue due = PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "Lost answer");
        PublishTests.send(kafka, projectId, due);

        PublishTests.awaitPublished(kafka, due);
        assertThat(PublishTests.jobs(due.targetId())).hasSize(1);
        assertThat(PublishTests.sandboxList("/sandbox/youtube/videos"))
                .filteredOn(v -> v.get("channelId").equals(channel))
                .hasSize(1);
    }

    @Test
    void aShortYouTubeRejectsFailsAtPoll() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        UUID projectId = youtube(channel);
        PublishTests.armFault("youtube", channel, "INSERT", "ERROR", 1);
        PostDue due = PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "Bad codec");
        PublishTests.send(kafka, projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("youtube_failed_codec");
        assertThat(failed.error().stage()).isEqualTo("poll");
        assertThat(failed.error().retryable()).isFalse();
    }

    /** The test profile allows 2 uploads per channel and quota day: the third waits for midnight Pacific. */
    @Test
    void aShortOverTheDailyUploadQuotaWaitsForTheNextQuotaDay() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        UUID projectId = youtube(channel);
        List<PostDue> first = List.of(
                PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "One"),
                PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "Two"));
        first.forEach(due -> PublishTests.send(kafka, projectId, due));
        first.forEach(due -> PublishTests.awaitPublished(kafka, due));

        PostDue third = PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "Three");
        PublishTests.send(kafka, projectId, third);
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant nextQuotaDay =
                LocalDate.now(pacific).plusDays(1).atStartOfDay(pacific).toInstant();
        await().atMost(TIMEOUT)
                .until(() -> PublishTests.count("select count(*) from publisher.publish_jobs where target_id = '"
                                + third.targetId() + "' and status = 'queued' and lease_until is null and fire_at = '"
                                + nextQuotaDay + "'")
                        == 1);
    }

    // ---- Blotato

    @Test
    void aBlotatoPostIsSubmittedAndPolledUntilPublished() {
        UUID projectId = PublishTests.connect("blotato", "blotato-acct-1", "sandbox-blotato-key", null, null);
        PostDue due = PublishTests.due(
                Platform.BLOTATO, "blotato-acct-1", PostFormat.TIKTOK_VIDEO, "clip.mp4", "Via Blotato");
        PublishTests.send(kafka, projectId, due);

        PostPublished published = PublishTests.awaitPublished(kafka, due);
        assertThat(published.permalink())
                .isEqualTo(SandboxResource.sandbox().baseUrl() + "/blotato/p/" + published.externalPostId());
        assertThat(PublishTests.sandboxList("/sandbox/blotato/posts"))
                .filteredOn(p -> p.get("postSubmissionId").equals(published.externalPostId()))
                .singleElement()
                .satisfies(post -> {
                    assertThat(post.get("platform")).isEqualTo("tiktok");
                    assertThat(post.get("text")).isEqualTo(published.caption());
                });
    }

    @Test
    void aBlotatoPostThatFailsIsNotRetried() {
        UUID projectId = PublishTests.connect("blotato", "blotato-acct-2", "sandbox-blotato-key", null, null);
        PublishTests.armFault("blotato", "blotato-acct-2", "CREATE_POST", "ERROR", 1);
        PostDue due = PublishTests.due(Platform.BLOTATO, "blotato-acct-2", PostFormat.REEL, "clip.mp4", "Rejected");
        PublishTests.send(kafka, projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("blotato_post_failed");
        assertThat(failed.error().stage()).isEqualTo("poll");
        assertThat(failed.error().retryable()).isFalse();
        assertThat(failed.error().details()).containsKey("post_submission_id");
    }

    /** Submitting is posting and Blotato has no idempotency key: an unanswered submission is reported, never repeated. */
    @Test
    void aBlotatoSubmissionWithoutAnAnswerIsReportedNotRepeated() {
        UUID projectId = PublishTests.connect("blotato", "blotato-acct-3", "sandbox-blotato-key", null, null);
        PublishTests.armFault("blotato", "blotato-acct-3", "CREATE_POST", "SUCCEEDS_LATE", 1);
        PostDue due =
                PublishTests.due(Platform.BLOTATO, "blotato-acct-3", PostFormat.SHORT, "clip.mp4", "Unknown outcome");
        PublishTests.send(kafka, projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("publish_outcome_unknown");
        assertThat(failed.error().stage()).isEqualTo("publish");
        assertThat(failed.error().retryable()).isFalse();
        assertThat(PublishTests.jobs(due.targetId())).hasSize(1);
    }

    @Test
    void aWrongBlotatoKeyIsAnAuthFailure() {
        UUID projectId = PublishTests.connect("blotato", "blotato-acct-4", "not-the-key", null, null);
        PostDue due = PublishTests.due(Platform.BLOTATO, "blotato-acct-4", PostFormat.REEL, "clip.mp4", "Who am I");
        PublishTests.send(kafka, projectId, due);

        PostFailed failed = PublishTests.awaitFailed(kafka, due);
        assertThat(failed.error().code()).isEqualTo("platform_auth_invalid");
        assertThat(failed.error().retryable()).isFalse();
    }

    private record TikTokAccount(UUID projectId, String openId, String username) {}

    private static TikTokAccount tiktok(boolean audited) {
        String openId = "tt-" + UUID.randomUUID().toString().substring(0, 8);
        String username = "creator." + openId.substring(3);
        Map<String, Object> tokens =
                PublishTests.grant("tiktok", Map.of("accountId", openId, "username", username, "audited", audited));
        UUID projectId = PublishTests.connect(
                "tiktok",
                openId,
                (String) tokens.get("accessToken"),
                (String) tokens.get("refreshToken"),
                Instant.now().plusSeconds(((Number) tokens.get("expiresIn")).longValue()));
        return new TikTokAccount(projectId, openId, username);
    }

    private static UUID youtube(String channel) {
        Map<String, Object> tokens = PublishTests.grant("youtube", Map.of("accountId", channel));
        return PublishTests.connect(
                "youtube",
                channel,
                (String) tokens.get("accessToken"),
                (String) tokens.get("refreshToken"),
                Instant.now().plusSeconds(((Number) tokens.get("expiresIn")).longValue()));
    }
}
