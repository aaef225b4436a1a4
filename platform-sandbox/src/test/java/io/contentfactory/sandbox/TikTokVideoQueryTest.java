package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TikTokVideoQueryTest {

    private static String grant(String account) {
        return given().contentType("application/json")
                .body(Map.of("accountId", account))
                .post("/sandbox/tiktok/grants")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    private static String video(String account, long ageSeconds) {
        return given().contentType("application/json")
                .body(Map.of("accountId", account, "title", "t", "ageSeconds", ageSeconds))
                .post("/sandbox/tiktok/posts")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static io.restassured.response.Response query(String token, String fields, List<String> ids) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .queryParam("fields", fields)
                .body(Map.of("filters", Map.of("video_ids", ids)))
                .post("/tiktok/v2/video/query/");
    }

    @Test
    void theCreatorsOwnVideosAreListedWithTheFieldsAskedAndOthersAreLeftOut() {
        String token = grant("query-owner");
        Audiences.indifferent("query-owner", 100_000);
        String older = video("query-owner", 600);
        String newer = video("query-owner", 0);
        String someoneElses = video("query-other", 0);

        JsonPath answer = query(
                        token, "id,view_count,like_count", List.of(older, newer, someoneElses, "7399999999999999999"))
                .then()
                .statusCode(200)
                .body("error.code", equalTo("ok"))
                .extract()
                .jsonPath();

        assertThat(answer.getList("data.videos.id")).containsExactly(older, newer);
        assertThat(older).matches("[0-9]{19}");
        assertThat(answer.getLong("data.videos[0].view_count"))
                .isGreaterThan(answer.getLong("data.videos[1].view_count"));
        assertThat(answer.getMap("data.videos[0]")).containsOnlyKeys("id", "view_count", "like_count");
    }

    @Test
    void moreThanTwentyIdsOrAnUnknownFieldIsInvalidAndABadTokenIsRefused() {
        String token = grant("query-limits");
        List<String> ids = IntStream.range(0, 21).mapToObj(i -> "73" + i).toList();
        query(token, "id", ids).then().statusCode(400).body("error.code", equalTo("invalid_params"));
        query(token, "id,plays", List.of("1")).then().statusCode(400).body("error.code", equalTo("invalid_params"));
        query("not-a-token", "id", List.of("1"))
                .then()
                .statusCode(401)
                .body("error.code", equalTo("access_token_invalid"));
    }
}
