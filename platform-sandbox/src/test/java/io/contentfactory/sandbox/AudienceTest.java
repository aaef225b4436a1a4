package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator route over the hidden audiences, and what a taste does to a post's numbers. */
@QuarkusTest
class AudienceTest {

    @Test
    void theSameSeedDrawsTheSameAudiencesAndAnotherSeedOthers() {
        Map<String, Object> first = audience("seeded-account");
        assertThat(audience("seeded-account")).isEqualTo(first);
        assertThat((List<?>) first.get("activity")).hasSize(168);
        assertThat(((Number) first.get("size")).longValue()).isBetween(20_000L, 400_000L);

        long seed = given().get("/sandbox/audience")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("seed");
        reseed(seed + 1);
        try {
            assertThat(audience("seeded-account")).isNotEqualTo(first);
        } finally {
            reseed(seed);
        }
        assertThat(audience("seeded-account")).isEqualTo(first);
    }

    @Test
    void aPostOnATopicTheAudienceLikesLevelsOffHigherThanOneItDislikes() {
        String account = "taste-account";
        Audiences.set(account, 500_000, Map.of("recipe", 1.0, "gaming", -1.0), 0);
        String token = given().contentType("application/json")
                .body(Map.of("accountId", account))
                .post("/sandbox/tiktok/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        // An hour old is 6,000 audience minutes here: both videos have levelled off.
        String liked = post(account, "My best recipe yet");
        String disliked = post(account, "My best gaming run yet");

        Map<String, Long> views = new java.util.HashMap<>();
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .queryParam("fields", "id,view_count")
                .body(Map.of("filters", Map.of("video_ids", List.of(liked, disliked))))
                .post("/tiktok/v2/video/query/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.videos", Map.class)
                .forEach(video -> views.put((String) video.get("id"), ((Number) video.get("view_count")).longValue()));

        double ratio = (double) views.get(liked) / views.get(disliked);
        assertThat(ratio).as("e^(1 − (−1))").isBetween(Math.exp(2) * 0.97, Math.exp(2) * 1.03);
    }

    @Test
    void anAudienceWithoutItsTasteOrWithAShortWeekIsRefused() {
        given().contentType("application/json")
                .body(Map.of("size", 10))
                .put("/sandbox/audience/{account}", "refused")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(Map.of(
                        "size",
                        10,
                        "activity",
                        List.of(1.0, 1.0),
                        "taste",
                        Map.of(
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
                                0)))
                .put("/sandbox/audience/{account}", "refused")
                .then()
                .statusCode(400)
                .body("detail", equalTo("activity has one share (0 or more) per hour of the week: 168 of them"));
        given().contentType("application/json")
                .body(Map.of("match", "x", "hookStrength", 2))
                .post("/sandbox/audience/features")
                .then()
                .statusCode(400);
    }

    private static Map<String, Object> audience(String account) {
        return given().get("/sandbox/audience/{account}", account)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static void reseed(long seed) {
        given().contentType("application/json")
                .body(Map.of("seed", seed))
                .post("/sandbox/audience/seed")
                .then()
                .statusCode(204);
    }

    private static String post(String account, String title) {
        return given().contentType("application/json")
                .body(Map.of("accountId", account, "title", title, "ageSeconds", 3600))
                .post("/sandbox/tiktok/posts")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
