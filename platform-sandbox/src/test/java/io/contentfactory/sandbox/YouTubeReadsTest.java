package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Data API's statistics and comment threads, the Analytics API's reports, and the daily quota of units. */
@QuarkusTest
class YouTubeReadsTest {

    private static String grant(String channel) {
        return given().contentType("application/json")
                .body(Map.of("accountId", channel))
                .post("/sandbox/youtube/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    private static String video(String channel, long ageSeconds) {
        return given().contentType("application/json")
                .body(Map.of("accountId", channel, "title", "t", "ageSeconds", ageSeconds))
                .post("/sandbox/youtube/videos")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    @Test
    void statisticsAreStringsAndAnUnknownVideoIsLeftOutOfItems() {
        String token = grant("UCstatistics");
        String id = video("UCstatistics", 600);

        JsonPath answer = given().header("Authorization", "Bearer " + token)
                .queryParam("part", "statistics")
                .queryParam("id", id + ",unknownVid0")
                .get("/youtube/youtube/v3/videos")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(answer.getList("items.id")).containsExactly(id);
        String views = answer.getString("items[0].statistics.viewCount");
        assertThat(views).matches("[0-9]+");
        assertThat(Long.parseLong(views)).isPositive();
        assertThat(answer.getString("items[0].statistics.commentCount")).matches("[0-9]+");
    }

    @Test
    void commentThreadsComeNewestFirstWithRepliesAndPageByToken() {
        String token = grant("UCcomments");
        Audiences.indifferent("UCcomments", 1_000_000);
        String id = video("UCcomments", 1_000);

        JsonPath first = threads(token, id, null);
        List<String> publishedAt = first.getList("items.snippet.topLevelComment.snippet.publishedAt");
        assertThat(publishedAt).hasSize(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.getList("items.replies.comments.flatten().snippet.parentId", String.class))
                .as("a reply names its thread")
                .isNotEmpty()
                .allSatisfy(parent -> assertThat(first.getList("items.id")).contains(parent));
        String next = first.getString("nextPageToken");
        assertThat(next).isNotBlank();
        JsonPath second = threads(token, id, next);
        assertThat(second.getList("items.id")).doesNotContainAnyElementsOf(first.getList("items.id"));

        given().header("Authorization", "Bearer " + token)
                .queryParam("part", "snippet")
                .queryParam("videoId", "noSuchVideo")
                .get("/youtube/youtube/v3/commentThreads")
                .then()
                .statusCode(404)
                .body("error.errors[0].reason", equalTo("videoNotFound"));
    }

    @Test
    void aThreadCarriesFiveOfItsRepliesAndCommentsListPagesThroughThemAll() {
        String token = grant("UCreplies");
        Audiences.indifferent("UCreplies", 1_000_000);
        String id = video("UCreplies", 3 * 24 * 3600);

        JsonPath page = threads(token, id, null);
        while (page.getString("nextPageToken") != null) {
            page = threads(token, id, page.getString("nextPageToken"));
        }
        // The oldest thread, the video's first comment, draws seven replies.
        int last = page.getList("items").size() - 1;
        String first = page.getString("items[" + last + "].id");
        assertThat(page.getInt("items[" + last + "].snippet.totalReplyCount")).isEqualTo(7);
        List<String> included = page.getList("items[" + last + "].replies.comments.id", String.class);
        assertThat(included).hasSize(5);

        List<String> all = new java.util.ArrayList<>();
        String next = null;
        do {
            var request = given().header("Authorization", "Bearer " + token)
                    .queryParam("part", "snippet")
                    .queryParam("parentId", first)
                    .queryParam("maxResults", 3);
            if (next != null) {
                request.queryParam("pageToken", next);
            }
            JsonPath replies = request.get("/youtube/youtube/v3/comments")
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo("youtube#commentListResponse"))
                    .extract()
                    .jsonPath();
            assertThat(replies.getList("items.snippet.parentId", String.class)).containsOnly(first);
            all.addAll(replies.getList("items.id", String.class));
            next = replies.getString("nextPageToken");
        } while (next != null);
        assertThat(all).hasSize(7).doesNotHaveDuplicates().containsAll(included);

        given().header("Authorization", "Bearer " + token)
                .queryParam("part", "snippet")
                .queryParam("parentId", "Ugz" + id + "0000044AaABAg")
                .get("/youtube/youtube/v3/comments")
                .then()
                .statusCode(404)
                .body("error.errors[0].reason", equalTo("commentNotFound"));
        given().header("Authorization", "Bearer " + token)
                .queryParam("part", "snippet")
                .get("/youtube/youtube/v3/comments")
                .then()
                .statusCode(400)
                .body("error.errors[0].reason", equalTo("missingRequiredParameter"));
    }

    @Test
    void analyticsHaveNoRowsUntilTheirLagAndRefuseAnUnknownMetric() {
        String token = grant("UCanalytics");
        String fresh = video("UCanalytics", 0);
        String old = video("UCanalytics", 3 * 24 * 3600);

        JsonPath none = report(token, fresh, "views,averageViewDuration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(none.getList("columnHeaders.name")).containsExactly("views", "averageViewDuration");
        assertThat(none.getList("rows")).as("no data yet: no rows at all").isNull();

        JsonPath some = report(token, old, "views,averageViewDuration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(some.getList("rows")).hasSize(1);
        assertThat(some.getLong("rows[0][0]")).isPositive();

        report(token, old, "views,impressions")
                .then()
                .statusCode(400)
                .body("error.message", equalTo("Unknown identifier (impressions) given in field parameters.metrics."));
    }

    @Test
    void readsSpendTheDailyUnitsAndPastThemTheAnswerIs403QuotaExceeded() {
        String token = grant("UCquota");
        String id = video("UCquota", 60);
        int limit = 200; // %test.sandbox.youtube.daily-units
        for (int i = 0; i < limit; i++) {
            given().header("Authorization", "Bearer " + token)
                    .queryParam("part", "statistics")
                    .queryParam("id", id)
                    .get("/youtube/youtube/v3/videos")
                    .then()
                    .statusCode(200);
        }
        given().header("Authorization", "Bearer " + token)
                .queryParam("part", "statistics")
                .queryParam("id", id)
                .get("/youtube/youtube/v3/videos")
                .then()
                .statusCode(403)
                .body("error.errors[0].reason", equalTo("quotaExceeded"));
        given().get("/sandbox/youtube/usage/UCquota").then().statusCode(200).body("unitsSpentToday", equalTo(limit));
    }

    private static JsonPath threads(String token, String videoId, String pageToken) {
        var request = given().header("Authorization", "Bearer " + token)
                .queryParam("part", "snippet,replies")
                .queryParam("videoId", videoId)
                .queryParam("order", "time");
        if (pageToken != null) {
            request.queryParam("pageToken", pageToken);
        }
        return request.get("/youtube/youtube/v3/commentThreads")
                .then()
                .statusCode(200)
                .body("kind", equalTo("youtube#commentThreadListResponse"))
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response report(String token, String videoId, String metrics) {
        return given().header("Authorization", "Bearer " + token)
                .queryParam("ids", "channel==MINE")
                .queryParam("startDate", "2005-02-14")
                .queryParam("endDate", LocalDate.now().toString())
                .queryParam("metrics", metrics)
                .queryParam("filters", "video==" + videoId)
                .get("/youtube-analytics/v2/reports");
    }
}
