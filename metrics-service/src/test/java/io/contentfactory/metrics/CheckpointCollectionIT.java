package io.contentfactory.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints against the platform sandbox, with one checkpoint minute compressed to 20 ms (15m after 0.3 s, 1h after
 * 1.2 s, 4h after 4.8 s) and a retry window of at least 500 checkpoint minutes (10 s), so that a slow machine does
 * not close a window before its retries ran.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = {
            @ResourceArg(
                    name = "base-url-properties",
                    value = "factory.metrics.instagram.base-url,factory.metrics.tiktok.base-url=/tiktok,"
                            + "factory.metrics.youtube.data-base-url=/youtube,"
                            + "factory.metrics.youtube.analytics-base-url=/youtube-analytics"),
            // The audiences' clock runs as fast as the checkpoints' (%test.factory.metrics.minute).
            @ResourceArg(name = "sandbox.audience.minute", value = "PT0.02S")
        })
@QuarkusTestResource(FakePublisher.class)
class CheckpointCollectionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> ORDER = List.of("15m", "1h", "4h", "24h", "72h", "7d");
    private final TopicProbe kafka = TopicProbe.onTestBroker();
    private final InternalTokens tokens = InternalTokens.forService("metrics-service");

    @Test
    void theEarlyCheckpointsAreCollectedInOrderWithGrowingCountsAndShownByTheApi() throws Exception {
        String mediaId = publishOnSandbox("IMAGE");
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, "sandbox-ig-account", mediaId, Instant.now());
        String clientRef = "spring-launch-" + UUID.randomUUID();
        send(projectId, scheduled(published, clientRef));
        send(projectId, published);

        List<MetricsCollected> collected = new ArrayList<>(collectedEvents(published.targetId(), 3));
        // A service that starts late on a busy machine finds all three due at once: they may then be read in the same
        // second (equal counts) and in any order, so they are put in checkpoint order and the counts must not shrink.
        collected.sort(Comparator.comparing(event -> ORDER.indexOf(event.checkpoint())));
        assertThat(collected).extracting(MetricsCollected::checkpoint).startsWith("15m", "1h", "4h");
        assertThat(collected.get(0).views()).isPositive();
        assertThat(collected).extracting(MetricsCollected::views).isSorted();
        assertThat(collected.get(0).checkedAt()).isAfterOrEqualTo(published.publishedAt());
        assertThat(collected.get(0).checkedAt())
                .isAfterOrEqualTo(collected.get(0).dueAt());
        assertThat(collected.get(0).externalPostId()).isEqualTo(mediaId);
        assertThat(collected.get(0).format()).isEqualTo(PostFormat.FEED_IMAGE);
        assertThat(collected.get(0).followerDelta())
                .as("a feed post reports follows")
                .isNotNull();
        assertThat(collected.get(0).watchTimeMs())
                .as("a feed post has no watch time")
                .isNull();
        assertThat(collected.get(0).postSocialScore())
                .as("no earlier posts: no baseline")
                .isNull();
        assertThat(collected.get(0).scoreExplanation()).startsWith("No baseline yet: 0 earlier feed image posts");
        assertThat(collected.get(0).baseline()).as("no baseline to carry").isNull();
        assertThat(FakePublisher.SERVED)
                .as("the read token came from publisher-service's internal route")
                .contains("/internal/v1/read-tokens/" + projectId + "/instagram/sandbox-ig-account");

        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from metrics.posting_metrics where target_id = '"
                                + published.targetId() + "'")
                        >= 3);
        assertThat(count("select count(*) from metrics.metric_checkpoints where target_id = '" + published.targetId()
                        + "'"))
                .isEqualTo(6);

        for (String ref : List.of(published.postId().toString(), clientRef)) {
            JsonPath metrics = await().atMost(TIMEOUT)
                    .until(() -> metricsOf(projectId, "/v1/posts/" + ref + "/metrics"), json -> json != null);
            assertThat(metrics.getString("postId")).isEqualTo(published.postId().toString());
            assertThat(metrics.getList("targets")).hasSize(1);
            assertThat(metrics.getList("targets[0].checkpoints.checkpoint")).containsExactlyElementsOf(ORDER);
            assertThat(metrics.getString("targets[0].checkpoints[0].state")).isEqualTo("collected");
            assertThat(metrics.getString("targets[0].checkpoints[0].source")).isEqualTo("platform");
            assertThat(metrics.getLong("targets[0].checkpoints[0].values.views"))
                    .isPositive();
            assertThat(metrics.getMap("targets[0].checkpoints[0].values"))
                    .as("a metric the platform does not report is present and null")
                    .containsEntry("ctr", null)
                    .containsEntry("watchTimeMs", null);
            assertThat(metrics.getString("targets[0].checkpoints[5].state")).isEqualTo("pending");
        }
        assertThat(metricsOf(projectId, "/v1/media/" + published.mediaId() + "/metrics")
                        .getString("targets[0].targetId"))
                .isEqualTo(published.targetId().toString());
        given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/posts/" + published.postId() + "/metrics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aPostsCommentsAreStoredOnceEachWithSentimentRepliesAndTopicsAndPagedNewestFirst() throws Exception {
        indifferentAudience("sandbox-ig-account", 40_000);
        String mediaId = publishOnSandbox("IMAGE");
        backdate(mediaId, 300); // 15,000 audience minutes: all the comments it will get, 10,000 views × 1.2 %
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, "sandbox-ig-account", mediaId, Instant.now());
        send(projectId, published);

        List<MetricsCollected> looks = collectedEvents(published.targetId(), 3);
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from metrics.comments where target_id = '" + published.targetId() + "'")
                                >= 25);
        MetricsCollected.CommentSummary fullest = looks.stream()
                .map(MetricsCollected::commentSummary)
                .max(Comparator.comparingLong(MetricsCollected.CommentSummary::total))
                .orElseThrow();
        assertThat(fullest.total())
                .as("each event sums up the comments stored when it was read")
                .isPositive()
                .isLessThanOrEqualTo(count(
                        "select count(*) from metrics.comments where target_id = '" + published.targetId() + "'"));
        assertThat(fullest.negative())
                .isLessThanOrEqualTo(count("select count(*) from metrics.comments where target_id = '"
                        + published.targetId() + "' and sentiment_label in ('negative', 'very_negative')"));
        assertThat(fullest.clusters())
                .as("the recipe comes up in several comments: a cluster, largest first")
                .anySatisfy(cluster -> {
                    assertThat(cluster.topic()).isEqualTo("recipe");
                    assertThat(cluster.comments()).isGreaterThanOrEqualTo(2);
                })
                .isSortedAccordingTo(Comparator.comparingLong(MetricsCollected.TopicCluster::comments)
                        .reversed());
        assertThat(count("select count(*) - count(distinct platform_comment_id) from metrics.comments"
                        + " where target_id = '" + published.targetId() + "'"))
                .as("each comment stored once, though three checkpoints looked")
                .isZero();
        assertThat(checkpoint(published.targetId(), "15m")).isNotNull();
        assertThat(commentsNote(published.targetId(), "15m")).matches("[0-9]+ new comments");

        long stored = count("select count(*) from metrics.comments where target_id = '" + published.targetId() + "'");
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        JsonPath page;
        do {
            var request = given().auth().oauth2(tokens.valid(projectId, "read")).queryParam("limit", 10);
            if (after != null) {
                request.queryParam("after", after);
            }
            page = request.get("/v1/posts/" + published.postId() + "/comments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(page.getList("items"));
            after = page.getString("nextCursor");
        } while (after != null);

        assertThat(all).extracting(item -> item.get("platformCommentId")).doesNotHaveDuplicates();
        assertThat(all.size()).as("later checkpoints may add some").isGreaterThanOrEqualTo((int) stored);
        List<Map<String, Object>> written = labelledComments(mediaId);
        assertThat(all)
                .extracting(item -> Instant.parse((String) item.get("createdAt")))
                .as("newest first")
                .isSortedAccordingTo(Comparator.reverseOrder());
        Map<String, String> textById = new java.util.HashMap<>();
        written.forEach(comment -> textById.put((String) comment.get("id"), (String) comment.get("text")));
        assertThat(all).allSatisfy(item -> {
            assertThat(item.get("text")).isEqualTo(textById.get(item.get("platformCommentId")));
            assertThat(item.get("authorHandle")).asString().startsWith("viewer_");
            assertThat(item.get("sentimentLabel"))
                    .isIn("very_negative", "negative", "neutral", "positive", "very_positive");
        });
        assertThat(all)
                .filteredOn(item -> item.get("parentCommentId") != null)
                .as("replies are read with their parent")
                .isNotEmpty()
                .allSatisfy(reply -> assertThat(textById).containsKey((String) reply.get("parentCommentId")));
        assertThat(all)
                .filteredOn(item -> "Terrible. Just terrible.".equals(item.get("text")))
                .allSatisfy(item -> assertThat(item.get("sentimentLabel")).isEqualTo("very_negative"));
        assertThat(all)
                .filteredOn(item -> ((String) item.get("text")).contains("recipe"))
                .as("the recipe comes up in several comments: a topic")
                .allSatisfy(
                        item -> assertThat((List<Object>) item.get("topicTags")).contains("recipe"));
        assertThat(page.getList("topics.tag")).contains("recipe");
        assertThat(page.getList("projectTopics.tag")).contains("recipe");
        assertThat(page.getString("targets[0].platform")).isEqualTo("instagram");
        assertThat(page.getString("targets[0].lastLook")).contains("new comment");
        long veryPositive = page.getLong("sentiment.very_positive");
        assertThat(veryPositive).isPositive();

        JsonPath filtered = given().auth()
                .oauth2(tokens.valid(projectId, "read"))
                .queryParam("sentiment", "very_positive")
                .queryParam("limit", 200)
                .get("/v1/posts/" + published.postId() + "/comments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(filtered.getList("items.sentimentLabel"))
                .hasSize((int) veryPositive)
                .containsOnly("very_positive");
        given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/posts/" + published.postId() + "/comments")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void tikTokVideosAreReadInBatchesOfTheSameAccountAndADeletedOneIsSkipped() {
        String account = "tiktok-" + UUID.randomUUID();
        FakePublisher.ACCOUNTS.put(account, grantTikTok(account));
        UUID projectId = UUID.randomUUID();
        List<PostPublished> posts = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            posts.add(tiktok(account, tikTokVideo(account), now));
        }
        PostPublished deleted = tiktok(account, "7399999999999999999", now);
        posts.forEach(post -> send(projectId, post));
        send(projectId, deleted);

        for (PostPublished post : posts) {
            MetricsCollected first = collectedEvents(post.targetId(), 1).get(0);
            assertThat(first.views()).isPositive();
            assertThat(first.likes()).isNotNull();
            assertThat(first.comments())
                    .as("TikTok reports a count of comments")
                    .isNotNull();
            assertThat(first.saves()).as("TikTok reports no saves").isNull();
        }
        Map<String, Object> gone = awaitEnded(deleted.targetId(), "15m");
        assertThat(gone.get("state")).isEqualTo("skipped");
        assertThat((String) gone.get("reason")).contains("no longer lists the video");
        assertThat(commentsNote(posts.get(0).targetId(), "15m"))
                .as("TikTok's public API has no comments: its limit, not zero comments")
                .startsWith("comments not readable: TikTok's public Display API does not expose comments");

        List<List<String>> queries = given().get(SandboxResource.sandbox().baseUrl() + "/sandbox/tiktok/video-queries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        List<List<String>> ours = queries.stream()
                .filter(ids -> ids.stream()
                        .anyMatch(id ->
                                posts.stream().anyMatch(p -> p.externalPostId().equals(id))))
                .toList();
        assertThat(ours).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(20));
        assertThat(ours.stream().mapToInt(List::size).sum())
                .as("every video asked for at each of its checkpoints, however the calls were shared")
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * YouTube: statistics before {@code analytics-from} (1h in tests), the Analytics API from it; a video younger than
     * Analytics' lag waits for its data within the window; a deleted one is skipped; comment threads with their
     * replies; every Data API read spends the channel's quota units.
     */
    @Test
    void youTubeVideosAreReadFromStatisticsThenFromAnalyticsWithTheirCommentThreads() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        FakePublisher.ACCOUNTS.put(channel, grantYouTube(channel));
        indifferentAudience(channel, 1_000_000);
        UUID projectId = UUID.randomUUID();
        Instant now = Instant.now();
        PostPublished old = youtube(channel, youTubeVideo(channel, Duration.ofDays(3)), now);
        PostPublished fresh = youtube(channel, youTubeVideo(channel, Duration.ZERO), now);
        PostPublished deleted = youtube(channel, youTubeVideo(channel, Duration.ZERO), now);
        given().delete(SandboxResource.sandbox().baseUrl() + "/sandbox/youtube/videos/" + deleted.externalPostId())
                .then()
                .statusCode(204);
        List.of(old, fresh, deleted).forEach(post -> send(projectId, post));

        Map<String, MetricsCollected> byCheckpoint = new java.util.HashMap<>();
        collectedEvents(old.targetId(), 2).forEach(event -> byCheckpoint.put(event.checkpoint(), event));
        MetricsCollected statistics = byCheckpoint.get("15m");
        assertThat(statistics.views()).isPositive();
        assertThat(statistics.likes()).isPositive();
        assertThat(statistics.comments()).isPositive();
        assertThat(statistics.watchTimeMs()).as("videos.list has no watch time").isNull();
        assertThat(statistics.shares()).as("videos.list has no shares").isNull();
        MetricsCollected analytics = byCheckpoint.get("1h");
        assertThat(analytics.views()).isGreaterThanOrEqualTo(statistics.views());
        assertThat(analytics.watchTimeMs())
                .as("Analytics reports minutes watched")
                .isPositive();
        assertThat(analytics.avgWatchTimeMs()).isBetween(12_000L, 29_000L);
        assertThat(analytics.followerDelta()).as("subscribersGained").isPositive();
        assertThat(analytics.shares()).isNotNull();
        assertThat(awaitEnded(fresh.targetId(), "15m").get("state")).isEqualTo("collected");
        await().atMost(TIMEOUT)
                .until(
                        () -> checkpoint(fresh.targetId(), "1h"),
                        row -> row != null
                                && row.get("reason") != null
                                && ((String) row.get("reason")).contains("youtube analytics has no data"));
        Map<String, Object> gone = awaitEnded(deleted.targetId(), "15m");
        assertThat(gone.get("state")).isEqualTo("skipped");
        assertThat((String) gone.get("reason")).contains("youtube no longer lists the video");

        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from metrics.comments where target_id = '" + old.targetId()
                                + "' and parent_comment_id is not null")
                        > 0);
        JsonPath page = given().auth()
                .oauth2(tokens.valid(projectId, "read"))
                .queryParam("limit", 50)
                .get("/v1/posts/" + old.postId() + "/comments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.authorHandle", String.class)).allMatch(handle -> handle.startsWith("@viewer"));
        assertThat(page.getList("items.platformCommentId", String.class)).allMatch(id -> id.startsWith("Ugz"));
        assertThat(page.getString("targets[0].platform")).isEqualTo("youtube");
        // On a small channel every thread fits the walk's pages. The video's first comment has seven replies, two
        // more than its thread carries: comments.list reads the rest.
        String smallChannel =
                "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        FakePublisher.ACCOUNTS.put(smallChannel, grantYouTube(smallChannel));
        indifferentAudience(smallChannel, 20_000);
        PostPublished small = youtube(smallChannel, youTubeVideo(smallChannel, Duration.ofDays(3)), now);
        send(projectId, small);
        String firstThread = "Ugz" + small.externalPostId() + "0000014AaABAg";
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from metrics.comments where target_id = '" + small.targetId()
                                + "' and parent_comment_id = '" + firstThread + "'")
                        == 7);
        int units = given().get(SandboxResource.sandbox().baseUrl() + "/sandbox/youtube/usage/" + channel)
                .then()
                .statusCode(200)
                .extract()
                .path("unitsSpentToday");
        assertThat(units)
                .as("statistics and comment pages spend Data API units")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anAccountNearMetasRateLimitRestsItsReadsAndItsCheckpointsWaitNeverDropped() throws Exception {
        String account = "usage-" + UUID.randomUUID();
        String token = given().contentType("application/json")
                .body(Map.of("accountId", account))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        FakePublisher.ACCOUNTS.put(account, token);
        forceUsage(account, 95);
        String mediaId = publishOnSandbox("IMAGE", account, token);
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, account, mediaId, Instant.now());
        send(projectId, published);

        // The first read succeeds and reports 95 % used: the account's next reads rest (10 s in tests).
        assertThat(collectedEvents(published.targetId(), 1)).isNotEmpty();
        String waiting = await().atMost(TIMEOUT)
                .until(
                        () -> ORDER.stream()
                                .filter(label -> {
                                    Map<String, Object> row = checkpoint(published.targetId(), label);
                                    return row != null
                                            && "pending".equals(row.get("state"))
                                            && String.valueOf(row.get("reason")).contains("rate limit");
                                })
                                .findFirst()
                                .orElse(null),
                        label -> label != null);
        assertThat((String) checkpoint(published.targetId(), waiting).get("reason"))
                .contains("over the platform's budget", "95 %");

        forceUsage(account, 10);
        // Rested, the waiting checkpoint is read after all, late, and none is dropped.
        Map<String, Object> rested = awaitEnded(published.targetId(), waiting);
        assertThat(rested.get("state")).isEqualTo("collected");
        assertThat((Integer) rested.get("attempts")).isPositive();
        assertThat(count("select count(*) from metrics.metric_checkpoints where target_id = '" + published.targetId()
                        + "' and state in ('unavailable', 'skipped')"))
                .isZero();
    }

    @Test
    void aReelIsAskedForTheMetricsReelsReport() throws Exception {
        String mediaId = publishOnSandbox("REELS");
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.REEL, "sandbox-ig-account", mediaId, Instant.now());
        send(projectId, published);

        MetricsCollected first = collectedEvents(published.targetId(), 1).get(0);

        assertThat(first.views()).isPositive();
        assertThat(first.watchTimeMs()).isPositive();
        assertThat(first.avgWatchTimeMs()).isPositive();
        assertThat(first.followerDelta()).as("reels report no follows").isNull();
        assertThat(first.profileVisits()).isNull();
    }

    @Test
    void anUnknownMediaIdEndsTheCheckpointUnavailableAtOnceWithTheReason() {
        UUID projectId = UUID.randomUUID();
        PostPublished published =
                published(PostFormat.FEED_IMAGE, "sandbox-ig-account", "17999999999999999", Instant.now());
        send(projectId, published);

        Map<String, Object> checkpoint = awaitEnded(published.targetId(), "15m");

        assertThat(checkpoint.get("state")).isEqualTo("unavailable");
        assertThat((String) checkpoint.get("reason")).contains("instagram error 100");
        assertThat(checkpoint.get("attempts"))
                .as("a permanent error is not retried")
                .isEqualTo(0);
        assertThat(count("select count(*) from metrics.posting_metrics where target_id = '" + published.targetId()
                        + "'"))
                .isZero();
    }

    @Test
    void aPlatformErrorThatPassesIsRetriedUntilTheNumbersCome() throws Exception {
        String mediaId = publishOnSandbox("IMAGE");
        armInsightsFault(mediaId, "SERVER_ERROR", 2);
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, "sandbox-ig-account", mediaId, Instant.now());
        send(projectId, published);

        assertThat(awaitEnded(published.targetId(), "15m").get("state")).isEqualTo("collected");
        // Each failed call is one attempt that waited, on whichever checkpoint met it: on a slow start the 15m and
        // 1h checkpoints are due together and share the two failures.
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select coalesce(sum(attempts), 0) from metrics.metric_checkpoints where target_id = '"
                                        + published.targetId() + "'")
                                == 2);
        assertThat(count("select count(*) from metrics.metric_checkpoints where target_id = '" + published.targetId()
                        + "' and state not in ('pending', 'collected')"))
                .isZero();
    }

    @Test
    void dataThatNeverBecomesReadyEndsUnavailableWhenTheWindowCloses() throws Exception {
        String mediaId = publishOnSandbox("IMAGE");
        given().contentType("application/json")
                .body(Map.of("accountId", mediaId, "millis", Duration.ofDays(3).toMillis()))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/insights-delay")
                .then()
                .statusCode(204);
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, "sandbox-ig-account", mediaId, Instant.now());
        send(projectId, published);

        Map<String, Object> checkpoint = awaitEnded(published.targetId(), "15m");

        assertThat(checkpoint.get("state")).isEqualTo("unavailable");
        assertThat((String) checkpoint.get("reason")).contains("empty data", "window closed");
        assertThat((Integer) checkpoint.get("attempts")).isGreaterThan(1);
    }

    @Test
    void aRefusedTokenMarksTheConnectionAndItsCheckpointsWaitForNewTokens() throws Exception {
        String mediaId = publishOnSandbox("IMAGE");
        String account = "revoked-" + UUID.randomUUID();
        FakePublisher.ACCOUNTS.put(account, "a-token-instagram-refuses");
        UUID projectId = UUID.randomUUID();
        PostPublished published = published(PostFormat.FEED_IMAGE, account, mediaId, Instant.now());
        send(projectId, published);

        await().atMost(TIMEOUT).until(() -> FakePublisher.REJECTED.stream().anyMatch(r -> r.startsWith(account)));
        assertThat(FakePublisher.REJECTED.stream().filter(r -> r.startsWith(account)))
                .allMatch(r -> r.contains("instagram error 190"));
        await().atMost(TIMEOUT)
                .until(() -> String.valueOf(
                                checkpoint(published.targetId(), "15m").get("reason"))
                        .contains("needs_reauth"));
        assertThat(checkpoint(published.targetId(), "15m").get("state")).isEqualTo("pending");

        // New tokens are patched in: the connection works again, and the waiting checkpoints are read.
        FakePublisher.ACCOUNTS.put(account, "sandbox-token");
        FakePublisher.NEEDS_REAUTH.remove(account);

        assertThat(awaitEnded(published.targetId(), "15m").get("state")).isEqualTo("collected");
    }

    @Test
    void withoutAConnectionAPostByHandIsUnmeasurableAndAnotherIsSkipped() {
        UUID projectId = UUID.randomUUID();
        PostPublished byHand =
                manual(published(PostFormat.FEED_IMAGE, "not-connected", "17900000000000001", Instant.now()));
        PostPublished byUs = published(PostFormat.FEED_IMAGE, "disconnected", "17900000000000002", Instant.now());
        send(projectId, byHand);
        send(projectId, byUs);

        Map<String, Object> manual = awaitEnded(byHand.targetId(), "15m");
        Map<String, Object> skipped = awaitEnded(byUs.targetId(), "15m");

        assertThat(manual.get("state")).isEqualTo("unmeasurable");
        assertThat((String) manual.get("reason")).contains("posted by hand");
        assertThat(skipped.get("state")).isEqualTo("skipped");
        assertThat((String) skipped.get("reason")).contains("connection was removed");

        // A person reports what the app shows for the unmeasurable post; the measured one takes no numbers by hand.
        String route = "/v1/posts/{ref}/targets/{target}/metrics";
        String write = tokens.valid(projectId, "read", "write");
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body(Map.of("checkpoint", "15m", "views", 140, "likes", 12))
                .post(route, byHand.postId(), byHand.targetId())
                .then()
                .statusCode(200)
                .body("checkpoint", org.hamcrest.Matchers.equalTo("15m"))
                .body("state", org.hamcrest.Matchers.equalTo("collected"))
                .body("source", org.hamcrest.Matchers.equalTo("manual"))
                .body("values.views", org.hamcrest.Matchers.equalTo(140))
                .body("values.saves", org.hamcrest.Matchers.nullValue())
                .body("scoreExplanation", org.hamcrest.Matchers.startsWith("No baseline yet"));
        MetricsCollected announced = collectedEvents(byHand.targetId(), 1).get(0);
        assertThat(announced.views()).isEqualTo(140);
        assertThat(announced.commentSummary())
                .as("nobody reads the comments of a post made by hand")
                .isNull();
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body(Map.of("checkpoint", "15m", "views", 150))
                .post(route, byHand.postId(), byHand.targetId())
                .then()
                .statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("checkpoint_not_reportable"));
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body(Map.of("checkpoint", "15m", "views", 150))
                .post(route, byUs.postId(), byUs.targetId())
                .then()
                .statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("checkpoint_not_reportable"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("views", -1),
                Map.of("checkpoint", "soon", "views", 1),
                Map.of("checkpoint", "9d", "views", 1))) {
            given().auth()
                    .oauth2(write)
                    .contentType("application/json")
                    .body(bad)
                    .post(route, byHand.postId(), byHand.targetId())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        // A target of another post.
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body(Map.of("views", 1))
                .post(route, byHand.postId(), byUs.targetId())
                .then()
                .statusCode(404);
        assertThat(count("select count(*) from metrics.posting_metrics where target_id in ('" + byHand.targetId()
                        + "', '" + byUs.targetId() + "')"))
                .as("one row: refused reports wrote nothing")
                .isEqualTo(1);
    }

    @Test
    void aPostIsScoredAgainstTheMedianOfTheAccountsEarlierPosts() throws Exception {
        String account = "baseline-" + UUID.randomUUID();
        FakePublisher.ACCOUNTS.put(account, "sandbox-token");
        UUID projectId = UUID.randomUUID();
        // Three posts published a day ago: their early checkpoints are all due, and read at once.
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        List<PostPublished> earlier = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            earlier.add(published(PostFormat.FEED_IMAGE, account, publishOnSandbox("IMAGE"), dayAgo.plusSeconds(i)));
        }
        earlier.forEach(post -> send(projectId, post));
        for (PostPublished post : earlier) {
            assertThat(awaitEnded(post.targetId(), "15m").get("state")).isEqualTo("collected");
        }

        PostPublished latest = published(PostFormat.FEED_IMAGE, account, publishOnSandbox("IMAGE"), Instant.now());
        send(projectId, latest);
        MetricsCollected scored = collectedEvents(latest.targetId(), 1).get(0);

        assertThat(scored.checkpoint()).isEqualTo("15m");
        assertThat(scored.postSocialScore()).isBetween(0.0, 100.0);
        assertThat(scored.scoreExplanation()).contains("3 earlier feed image posts", "score");
        assertThat(scored.baseline())
                .as("the event carries the median the score compares with")
                .satisfies(baseline -> {
                    assertThat(baseline.posts()).isEqualTo(3);
                    assertThat(baseline.metric()).isIn("views", "reach");
                    assertThat(baseline.median()).isNotNegative();
                });

        // The account's baseline, by its connection: four posts measured at 15m, the medians they give.
        UUID connectionId = UUID.randomUUID();
        FakePublisher.CONNECTIONS.put(projectId + "/" + connectionId, new String[] {"instagram", account});
        JsonPath baseline = given().auth()
                .oauth2(tokens.valid(projectId, "read"))
                .get("/v1/accounts/" + connectionId + "/baseline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(baseline.getString("accountId")).isEqualTo(account);
        assertThat(baseline.getInt("minimumPosts")).isEqualTo(3);
        Map<String, Object> early = baseline.getMap("baselines.find { it.checkpoint == '15m' }");
        assertThat(early)
                .containsEntry("format", "feed_image")
                .containsEntry("posts", 4)
                .containsEntry("established", true);
        assertThat(count("select count(*) from metrics.posting_metrics m join metrics.metric_checkpoints c"
                        + " on c.id = m.checkpoint_id where c.account_id = '" + account + "' and c.checkpoint = '15m'"
                        + " and m.views <= " + ((Map<?, ?>) early.get("medians")).get("views")))
                .as("the median views: as many posts at or below it as above")
                .isGreaterThanOrEqualTo(2);
        given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/accounts/" + connectionId + "/baseline")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aProjectsOwnCheckpointsMeasureItsNextPostsAndTheExportStreamsThem() {
        UUID projectId = UUID.randomUUID();
        String write = tokens.valid(projectId, "read", "write");
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body(Map.of("checkpoints", List.of("2h", "30m")))
                .put("/v1/metrics/settings")
                .then()
                .statusCode(200)
                .body("checkpoints", org.hamcrest.Matchers.contains("30m", "2h"));
        given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/metrics/settings")
                .then()
                .statusCode(200)
                .body("checkpoints", org.hamcrest.Matchers.contains(ORDER.toArray()));

        PostPublished post =
                published(PostFormat.FEED_IMAGE, "export-" + UUID.randomUUID(), "17900000000000003", Instant.now());
        send(projectId, post);
        awaitEnded(post.targetId(), "30m");
        assertThat(count("select count(*) from metrics.metric_checkpoints where target_id = '" + post.targetId() + "'"))
                .isEqualTo(2);

        String window = "from=" + Instant.now().minus(Duration.ofHours(1)) + "&to="
                + Instant.now().plus(Duration.ofDays(1));
        String csv = given().auth()
                .oauth2(write)
                .get("/v1/metrics/export?" + window)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("checkpointId,postId,targetId,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(post.postId().toString(), ",30m,skipped,");
        assertThat(lines.get(2)).contains(",2h,");

        String ndjson = given().auth()
                .oauth2(write)
                .get("/v1/metrics/export?format=ndjson&" + window)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson"))
                .extract()
                .asString();
        assertThat(ndjson.lines().map(line -> new JsonPath(line).getString("checkpoint")))
                .containsExactly("30m", "2h");
        assertThat(given().auth()
                        .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                        .get("/v1/metrics/export?" + window)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .lines())
                .as("another project's export: the header alone")
                .hasSize(1);
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "metrics", "cf_metrics", Map.of(), Map.of("metric_checkpoints_due_idx", "timer claims span projects"));
    }

    private static PostPublished published(PostFormat format, String account, String mediaId, Instant at) {
        return new PostPublished(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                account,
                format,
                mediaId,
                "https://sandbox/p/x",
                "caption",
                at);
    }

    private static PostPublished manual(PostPublished post) {
        return new PostPublished(
                post.postId(),
                post.targetId(),
                post.mediaId(),
                PostPublished.manualJobId(post.targetId()),
                post.platform(),
                post.accountId(),
                post.format(),
                post.externalPostId(),
                post.permalink(),
                post.caption(),
                post.publishedAt());
    }

    private static PostScheduled scheduled(PostPublished post, String clientRef) {
        return new PostScheduled(
                post.postId(),
                post.targetId(),
                post.mediaId(),
                post.platform(),
                post.accountId(),
                post.format(),
                post.publishedAt(),
                "auto",
                clientRef);
    }

    private void send(UUID projectId, Object event) {
        String key = event instanceof PostPublished p
                ? p.postId().toString()
                : ((PostScheduled) event).postId().toString();
        String topic = event instanceof PostPublished ? Topics.POST_PUBLISHED : Topics.POST_SCHEDULED;
        kafka.send(
                topic,
                key,
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/test",
                        projectId,
                        Instant.now(),
                        (io.contentfactory.contracts.events.PipelineEvent) event)));
    }

    private List<MetricsCollected> collectedEvents(UUID targetId, int atLeast) {
        return kafka
                .await(Topics.METRICS_COLLECTED, r -> r.value().contains(targetId.toString()), atLeast, TIMEOUT)
                .stream()
                .map(r -> EventCodec.data(EventCodec.parse(r.value()), MetricsCollected.class))
                .toList();
    }

    private JsonPath metricsOf(UUID projectId, String path) {
        var response = given().auth().oauth2(tokens.valid(projectId, "read")).get(path);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    /** A sandbox token for a TikTok account. */
    private static String grantTikTok(String account) {
        return given().contentType("application/json")
                .body(Map.of("accountId", account))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/tiktok/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    /**
     * An audience of {@code size}, as many around at every hour, with no taste and no noise, through the sandbox's
     * operator route: each post levels off at {@code size / 4} views, and a hundredth and more of them comment.
     */
    private static void indifferentAudience(String account, long size) {
        Map<String, Object> taste = Map.of(
                "hook",
                0,
                "preferredLengthSeconds",
                30,
                "lengthToleranceSeconds",
                20,
                "faces",
                0,
                "onScreenText",
                0,
                "topics",
                Map.of(),
                "noise",
                0);
        given().contentType("application/json")
                .body(Map.of("size", size, "activity", java.util.Collections.nCopies(168, 1.0), "taste", taste))
                .put(SandboxResource.sandbox().baseUrl() + "/sandbox/audience/" + account)
                .then()
                .statusCode(200);
    }

    /** A sandbox token for a YouTube channel. */
    private static String grantYouTube(String channel) {
        return given().contentType("application/json")
                .body(Map.of("accountId", channel))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/youtube/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    /** A live public video of the channel on the sandbox, {@code age} old; its 11-character id. */
    private static String youTubeVideo(String channel, Duration age) {
        return given().contentType("application/json")
                .body(Map.of("accountId", channel, "title", "a test Short", "ageSeconds", age.toSeconds()))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/youtube/videos")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static PostPublished youtube(String channel, String videoId, Instant at) {
        return new PostPublished(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.YOUTUBE,
                channel,
                PostFormat.SHORT,
                videoId,
                "https://sandbox/youtube/shorts/x",
                "caption",
                at);
    }

    /** A live public video of the account on the sandbox; its 19-digit id. */
    private static String tikTokVideo(String account) {
        return given().contentType("application/json")
                .body(Map.of("accountId", account, "title", "a test video"))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/tiktok/posts")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static PostPublished tiktok(String account, String videoId, Instant at) {
        return new PostPublished(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.TIKTOK,
                account,
                PostFormat.TIKTOK_VIDEO,
                videoId,
                "https://sandbox/tiktok/x",
                "caption",
                at);
    }

    private static void forceUsage(String account, int percent) {
        given().contentType("application/json")
                .body(Map.of("accountId", account, "percent", percent))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/usage")
                .then()
                .statusCode(204);
    }

    private static void backdate(String mediaId, long seconds) {
        given().contentType("application/json")
                .body(Map.of("mediaId", mediaId, "seconds", seconds))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/backdate")
                .then()
                .statusCode(204);
    }

    private static List<Map<String, Object>> labelledComments(String mediaId) {
        return given().get(
                        SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/media/" + mediaId + "/comment-labels")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    private static String commentsNote(UUID targetId, String label) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select comments_note from metrics.metric_checkpoints where target_id = '"
                        + targetId + "' and checkpoint = '" + label + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fault for the next {@code times} insights calls of one post (the sandbox takes a media id for an account). */
    private static void armInsightsFault(String mediaId, String fault, int times) {
        given().contentType("application/json")
                .body(Map.of("accountId", mediaId, "operation", "INSIGHTS", "fault", fault, "times", times))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/instagram/faults")
                .then()
                .statusCode(204);
    }

    private static Map<String, Object> awaitEnded(UUID targetId, String label) {
        return await().atMost(TIMEOUT)
                .until(() -> checkpoint(targetId, label), row -> row != null && !"pending".equals(row.get("state")));
    }

    private static Map<String, Object> checkpoint(UUID targetId, String label) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select state, reason, attempts from metrics.metric_checkpoints"
                        + " where target_id = '" + targetId + "' and checkpoint = '" + label + "'")) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("state", rs.getString(1));
            row.put("reason", rs.getString(2));
            row.put("attempts", rs.getInt(3));
            return row;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes one item on the sandbox's account and answers its media id. */
    private static String publishOnSandbox(String mediaType) throws Exception {
        return publishOnSandbox(mediaType, "sandbox-ig-account", "sandbox-token");
    }

    private static String publishOnSandbox(String mediaType, String account, String token) throws Exception {
        boolean image = "IMAGE".equals(mediaType);
        byte[] bytes = image ? jpeg() : new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        HttpServer assets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        assets.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", image ? "image/jpeg" : "video/mp4");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        assets.start();
        try {
            String base = SandboxResource.sandbox().baseUrl();
            String url = "http://127.0.0.1:" + assets.getAddress().getPort() + (image ? "/a.jpg" : "/a.mp4");
            String container = given().formParams(Map.of(
                            image ? "image_url" : "video_url", url, "media_type", mediaType, "access_token", token))
                    .post(base + "/v21.0/" + account + "/media")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
            await().atMost(TIMEOUT)
                    .until(() -> "FINISHED"
                            .equals(given().queryParams(Map.of("fields", "status_code", "access_token", token))
                                    .get(base + "/v21.0/" + container)
                                    .then()
                                    .extract()
                                    .path("status_code")));
            return given().formParams(Map.of("creation_id", container, "access_token", token))
                    .post(base + "/v21.0/" + account + "/media_publish")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
        } finally {
            assets.stop(0);
        }
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static long count(String sql) {
        return PostgresResource.database().count(sql);
    }
}
