package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstagramGraphTest {

    private static final String ACCOUNT = "test-account";
    private static final String TOKEN = "test-token";
    private static HttpServer assets;
    private static String base;

    @BeforeAll
    static void serveAssets() throws Exception {
        byte[] jpeg = image("jpg");
        byte[] png = image("png");
        assets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        assets.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith(".jpg") ? jpeg : png;
            if (path.startsWith("/missing")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", path.endsWith(".jpg") ? "image/jpeg" : "image/png");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        assets.start();
        base = "http://127.0.0.1:" + assets.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        assets.stop(0);
    }

    @Test
    void aPostsCommentsGrowWithItsAgeAndArePagedNewestFirstWithTheirReplies() {
        Audiences.indifferent(ACCOUNT, 1_000_000);
        String mediaId = publishedImage("Comment on me");
        long early = commentsCount(mediaId);
        // A tenth of a second is 10 audience minutes here: two minutes older, an image has all the views it will get.
        given().contentType("application/json")
                .body(Map.of("mediaId", mediaId, "seconds", 120))
                .post("/sandbox/instagram/backdate")
                .then()
                .statusCode(204);
        org.assertj.core.api.Assertions.assertThat(commentsCount(mediaId)).isGreaterThanOrEqualTo(early + 10);

        io.restassured.response.Response first = given().queryParam("access_token", TOKEN)
                .queryParam(
                        "fields",
                        "id,text,username,like_count,timestamp,parent_id,replies{id,text,timestamp,parent_id}")
                .queryParam("limit", 2)
                .get("/v21.0/{id}/comments", mediaId);
        first.then().statusCode(200);
        java.util.List<String> ids = first.jsonPath().getList("data.id");
        org.assertj.core.api.Assertions.assertThat(ids).hasSize(2).allMatch(id -> id.matches("[0-9]{17}"));
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(ids.get(0)))
                .isGreaterThan(Long.parseLong(ids.get(1)));
        org.assertj.core.api.Assertions.assertThat(first.jsonPath().getString("data[0].timestamp"))
                .matches("[0-9T:-]{19}\\+0000");
        org.assertj.core.api.Assertions.assertThat(first.jsonPath().getMap("data[0]"))
                .containsKeys("text", "username", "like_count")
                .doesNotContainKey("parent_id");
        String after = first.path("paging.cursors.after");
        org.assertj.core.api.Assertions.assertThat(first.jsonPath().getString("paging.next"))
                .contains("after=" + after);

        io.restassured.response.Response second = given().queryParam("access_token", TOKEN)
                .queryParam("limit", 2)
                .queryParam("after", after)
                .get("/v21.0/{id}/comments", mediaId);
        org.assertj.core.api.Assertions.assertThat(second.jsonPath().getList("data.id", String.class))
                .isNotEmpty()
                .doesNotContainAnyElementsOf(ids)
                .allMatch(id -> Long.parseLong(id) < Long.parseLong(ids.get(1)));
        org.assertj.core.api.Assertions.assertThat(second.jsonPath().getMap("data[0]"))
                .containsOnlyKeys("id", "text", "timestamp");

        // Comment 4 replies to comment 3, in the nested listing and through /{comment-id}/replies.
        String third = String.valueOf(Long.parseLong(ids.get(0)) - (Long.parseLong(ids.get(0)) % 1_000_000) + 3);
        given().queryParam("access_token", TOKEN)
                .queryParam("fields", "id,parent_id")
                .get("/v21.0/{id}/replies", third)
                .then()
                .statusCode(200)
                .body("data", org.hamcrest.Matchers.hasSize(1))
                .body("data[0].parent_id", equalTo(third));
        given().get("/v21.0/{id}/comments", mediaId).then().statusCode(400).body("error.code", equalTo(190));
    }

    private String publishedImage(String caption) {
        String container = createContainer(base + "/cover.jpg", caption);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> given().formParams(Map.of("creation_id", container, "access_token", TOKEN))
                                .post("/v21.0/{account}/media_publish", ACCOUNT)
                                .statusCode()
                        == 200);
        return given().queryParam("access_token", TOKEN)
                .get("/v21.0/{account}/media", ACCOUNT)
                .then()
                .statusCode(200)
                .extract()
                .path("data[0].id");
    }

    private static long commentsCount(String mediaId) {
        return given().queryParam("access_token", TOKEN)
                .queryParam("fields", "comments_count")
                .get("/v21.0/{id}", mediaId)
                .jsonPath()
                .getLong("comments_count");
    }

    @Test
    void aContainerProcessesThenPublishesOnceWithAPermalink() {
        String container = createContainer(base + "/cover.jpg", "Hello sandbox");

        given().formParams(Map.of("creation_id", container, "access_token", TOKEN))
                .post("/v21.0/{account}/media_publish", ACCOUNT)
                .then()
                .statusCode(400)
                .body("error.code", equalTo(9007))
                .body("error.error_subcode", equalTo(2207027));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "FINISHED"
                        .equals(given().queryParams(Map.of("fields", "status_code", "access_token", TOKEN))
                                .get("/v21.0/{id}", container)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("status_code")));

        String mediaId = given().formParams(Map.of("creation_id", container, "access_token", TOKEN))
                .post("/v21.0/{account}/media_publish", ACCOUNT)
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        given().queryParams(Map.of("fields", "permalink,caption,media_type", "access_token", TOKEN))
                .get("/v21.0/{id}", mediaId)
                .then()
                .statusCode(200)
                .body("caption", equalTo("Hello sandbox"))
                .body("media_type", equalTo("IMAGE"))
                .body("permalink", startsWith("http://localhost:"));
        given().queryParams(Map.of("fields", "status_code", "access_token", TOKEN))
                .get("/v21.0/{id}", container)
                .then()
                .body("status_code", equalTo("PUBLISHED"));

        given().formParams(Map.of("creation_id", container, "access_token", TOKEN))
                .post("/v21.0/{account}/media_publish", ACCOUNT)
                .then()
                .statusCode(400)
                .body("error.code", equalTo(9007))
                .body("error.error_subcode", equalTo(2207008));

        given().queryParams(Map.of("metric", "views,likes", "access_token", TOKEN))
                .get("/v21.0/{id}/insights", mediaId)
                .then()
                .statusCode(200)
                .body("data[0].name", equalTo("views"))
                .body("data[1].name", equalTo("likes"));
    }

    @Test
    void insightsAnswerOnlyTheMetricsOfTheMediaTypeAndNothingUntilTheyAreReady() {
        // On the account with room in its quota (the test account's is 3 a day).
        String mediaId = publishFinished("sandbox-ig-account", "sandbox-token", "Insights");

        given().queryParams(Map.of("metric", "views,follows,profile_visits,total_interactions", "access_token", TOKEN))
                .get("/v21.0/{id}/insights", mediaId)
                .then()
                .statusCode(200)
                .body(
                        "data.name",
                        org.hamcrest.Matchers.contains("views", "follows", "profile_visits", "total_interactions"))
                .body("data[0].period", equalTo("lifetime"));
        for (String unsupported : java.util.List.of("impressions", "plays", "ig_reels_avg_watch_time")) {
            given().queryParams(Map.of("metric", "views," + unsupported, "access_token", TOKEN))
                    .get("/v21.0/{id}/insights", mediaId)
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo(100))
                    .body("error.message", org.hamcrest.Matchers.containsString(unsupported + " metric"));
        }

        given().contentType("application/json")
                .body(Map.of("accountId", mediaId, "millis", 3_600_000))
                .post("/sandbox/instagram/insights-delay")
                .then()
                .statusCode(204);
        given().queryParams(Map.of("metric", "views", "access_token", TOKEN))
                .get("/v21.0/{id}/insights", mediaId)
                .then()
                .statusCode(200)
                .body("data", org.hamcrest.Matchers.empty());
    }

    /** Its own account, so that other tests' posts do not count: every publish counts, the limit refuses the next. */
    @Test
    void theRollingQuotaCountsEachPublishAndRefusesOverTheLimit() {
        String account = "sandbox-ig-account";
        String token = "sandbox-token";
        long before = quotaUsage(account, token);
        given().contentType("application/json")
                .body(Map.of("accountId", account, "limit", (int) before + 2))
                .post("/sandbox/instagram/publish-limit")
                .then()
                .statusCode(204);
        try {
            String first = publishFinished(account, token, "Quota one");
            org.assertj.core.api.Assertions.assertThat(quotaUsage(account, token))
                    .isEqualTo(before + 1);
            String second = publishFinished(account, token, "Quota two");
            org.assertj.core.api.Assertions.assertThat(quotaUsage(account, token))
                    .isEqualTo(before + 2);
            given().queryParam("access_token", token)
                    .get("/v21.0/{account}/media", account)
                    .then()
                    .statusCode(200)
                    .body("data[0].id", equalTo(second))
                    .body("data[1].id", equalTo(first));

            String third = createContainer(account, token, base + "/cover.jpg", "Quota three");
            awaitFinished(third, token);
            given().formParams(Map.of("creation_id", third, "access_token", token))
                    .post("/v21.0/{account}/media_publish", account)
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo(9))
                    .body("error.error_subcode", equalTo(2207042));
            org.assertj.core.api.Assertions.assertThat(quotaUsage(account, token))
                    .isEqualTo(before + 2);
        } finally {
            given().contentType("application/json")
                    .body(Map.of("accountId", account, "limit", 50))
                    .post("/sandbox/instagram/publish-limit")
                    .then()
                    .statusCode(204);
        }
    }

    private static long quotaUsage(String account, String token) {
        return given().queryParam("access_token", token)
                .get("/v21.0/{account}/content_publishing_limit", account)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("data[0].quota_usage");
    }

    /** A container made and, once it has processed, published: the media id. */
    private static String publishFinished(String account, String token, String caption) {
        String container = createContainer(account, token, base + "/cover.jpg", caption);
        awaitFinished(container, token);
        return given().formParams(Map.of("creation_id", container, "access_token", token))
                .post("/v21.0/{account}/media_publish", account)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static void awaitFinished(String container, String token) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "FINISHED"
                        .equals(given().queryParams(Map.of("fields", "status_code", "access_token", token))
                                .get("/v21.0/{id}", container)
                                .path("status_code")));
    }

    @Test
    void aWrongTokenIsAnOAuthError() {
        given().formParams(Map.of("image_url", base + "/cover.jpg", "access_token", "stolen"))
                .post("/v21.0/{account}/media", ACCOUNT)
                .then()
                .statusCode(400)
                .body("error.type", equalTo("OAuthException"))
                .body("error.code", equalTo(190));
    }

    @Test
    void aPngOrAnUnreachableImageIsRefusedAtCreation() {
        given().formParams(Map.of("image_url", base + "/cover.png", "access_token", TOKEN))
                .post("/v21.0/{account}/media", ACCOUNT)
                .then()
                .statusCode(400)
                .body("error.code", equalTo(36003));
        given().formParams(Map.of("image_url", base + "/missing.jpg", "access_token", TOKEN))
                .post("/v21.0/{account}/media", ACCOUNT)
                .then()
                .statusCode(400)
                .body("error.code", equalTo(9004));
    }

    private static String createContainer(String url, String caption) {
        return createContainer(ACCOUNT, TOKEN, url, caption);
    }

    private static String createContainer(String account, String token, String url, String caption) {
        return given().formParams(Map.of("image_url", url, "caption", caption, "access_token", token))
                .post("/v21.0/{account}/media", account)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
