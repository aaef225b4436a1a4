package io.contentfactory.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class PatternIT {

    private static final String CSV = """
            hook_text,intro_style,length_sec,format,product_category,price_min,price_max,currency,angle,source_reference,metric_views,metric_gmv
            "Stop scrolling if your skin does this",close-up of the problem,27,face_cam,skincare,12.5,19.99,usd,Problem/Solution,kalodata:video:1,1200000,45000.50
            "I bought the viral blender, so you don't have to",unboxing on the counter,41,broll_text,kitchen,30,45,USD,unboxing,kalodata:video:2,800000,
            ,no hook here,20,face_cam,skincare,,,,ugc,kalodata:video:3,10,
            "Bad row",,abc,hologram,toys,20,10,,jazz,kalodata:video:4,-5,
            "A repeated reference",,15,carousel,skincare,,,,review,kalodata:video:1,,
            """;

    private final InternalTokens tokens = InternalTokens.forService("coach-service");
    private final CoachFixture coach = new CoachFixture();

    @Test
    void aCsvImportStoresItsGoodRowsReportsBadOnesByLineAndFeedsKalodataBriefs() throws Exception {
        UUID projectId = UUID.randomUUID();
        String write = tokens.valid(projectId, "write");
        String read = tokens.valid(projectId, "read");

        JsonPath imported =
                upload(write, "text/csv", CSV).statusCode(201).extract().jsonPath();
        String importId = imported.getString("importId");
        assertThat(imported.getInt("created")).isEqualTo(2);
        assertThat(imported.getInt("updated")).isZero();
        assertThat(imported.getList("rejected.line", Integer.class)).containsExactly(4, 5, 6);
        assertThat(imported.getList("rejected[0].errors", String.class)).containsExactly("hookText: required");
        assertThat(imported.getList("rejected[1].errors", String.class))
                .hasSize(5)
                .anySatisfy(error -> assertThat(error).startsWith("lengthSec: not a number"))
                .anySatisfy(error -> assertThat(error).startsWith("format: one of broll_text"))
                .contains("priceMin: above priceMax")
                .anySatisfy(error -> assertThat(error).startsWith("angle: one of ugc"))
                .anySatisfy(error -> assertThat(error).startsWith("sourceMetrics.views: not a number"));
        assertThat(imported.getList("rejected[2].errors", String.class))
                .containsExactly("sourceReference: repeats line 2 of this file");
        assertThat(outbox(projectId, Topics.PATTERN_IMPORTED)).isEqualTo(1);

        JsonPath page = given().auth()
                .oauth2(read)
                .queryParam("importId", importId)
                .get("/v1/patterns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(2);
        Map<String, Object> skincare = given().auth()
                .oauth2(read)
                .queryParam("angle", "problem_solution")
                .get("/v1/patterns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items[0]");
        assertThat(skincare)
                .containsEntry("hookText", "Stop scrolling if your skin does this")
                .containsEntry("introStyle", "close-up of the problem")
                .containsEntry("lengthSec", 27)
                .containsEntry("formatType", "face_cam")
                .containsEntry("productCategory", "skincare")
                .containsEntry("currency", "USD")
                .containsEntry("angle", "problem_solution")
                .containsEntry("sourceReference", "kalodata:video:1");
        assertThat(String.valueOf(skincare.get("sourceMetrics"))).contains("views=1200000", "gmv=45000.5");
        String patternId = (String) skincare.get("id");

        // A kalodata_product brief is written from the pattern, and cites it.
        JsonPath brief = given().auth()
                .oauth2(write)
                .contentType(ContentType.JSON)
                .body(Map.of("sourceType", "kalodata_product", "patternId", patternId))
                .post("/v1/creative-briefs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(brief.getString("sourceType")).isEqualTo("kalodata_product");
        assertThat(brief.getString("angleName")).isEqualTo("Problem/solution: skincare");
        assertThat(brief.getString("targetAudience")).contains("12.5–19.99 USD");
        assertThat(brief.getList("hookIdeas", String.class))
                .first()
                .isEqualTo("\"Stop scrolling if your skin does this\"");
        assertThat(brief.getList("scriptOutline.intro", String.class))
                .contains("Intro style as in the original: close-up of the problem.");
        assertThat(brief.getList("scriptOutline.body", String.class))
                .contains("Keep it near 27 s, the length of the original.");
        assertThat(brief.getList("visualDirections.faceCam", String.class)).isNotEmpty();
        assertThat(brief.getString("postingGuidance.timeWindowHint")).startsWith("Not enough measured posts");
        assertThat(brief.getList("evidence", String.class)).containsExactly("pattern." + patternId);
        assertThat(brief.getMap("sourceReference"))
                .containsEntry("patternId", patternId)
                .containsEntry("sourceReference", "kalodata:video:1");
        given().auth()
                .oauth2(read)
                .queryParam("source", "kalodata_product")
                .get("/v1/creative-briefs")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));

        // A media item analysis found resembling the pattern: its summary names the pattern by its hook and follows it.
        UUID mediaId = UUID.randomUUID();
        coach.analyzed(
                projectId,
                CollectedMetrics.resembling(
                        CollectedMetrics.video(mediaId, 50),
                        new AnalysisFeatures.PatternMatch(
                                UUID.fromString(patternId), 0.64, List.of("skin", "scrolling"))));
        JsonPath summary = CoachFixture.refresh(write, mediaId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        Map<String, Object> entries = summary.getMap("evidence.entries");
        assertThat(entries.get("pattern." + patternId))
                .asString()
                .contains(
                        "kind=pattern",
                        "resembles the imported top performer \"Stop scrolling if your skin does this\"",
                        "value=0.64");
        assertThat(summary.getList("nextActions.action", String.class)).contains("follow_pattern");
        int follow = summary.getList("nextActions.action", String.class).indexOf("follow_pattern");
        assertThat(summary.getList("evidence.nextActions[" + follow + "]", String.class))
                .containsExactly("pattern." + patternId);

        // NDJSON re-imports one reference (an update, same id) and adds one; a malformed line is reported.
        String ndjson = """
                {"hookText":"Stop scrolling if your skin does THIS","format":"face_cam","angle":"testimonial","sourceReference":"kalodata:video:1","sourceMetrics":{"views":1300000}}

                {"hookText":"Three ways to use one pan","format":"explainer","angle":"tutorial","sourceReference":"kalodata:video:9","lengthSec":33.4,"introStyle":null}
                {"hookText": "broken",
                {"hookText":["a list"],"format":"carousel","angle":"demo","sourceReference":"kalodata:video:10","colour":"red"}
                """;
        JsonPath second = upload(write, "application/x-ndjson", ndjson)
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(second.getInt("created")).isEqualTo(1);
        assertThat(second.getInt("updated")).isEqualTo(1);
        assertThat(second.getList("rejected.line", Integer.class)).containsExactly(4, 5);
        assertThat(second.getList("rejected[1].errors", String.class))
                .contains("hookText: a string or a number, not array", "colour: not a pattern field");
        Map<String, Object> updated = given().auth()
                .oauth2(read)
                .get("/v1/patterns/" + patternId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(updated)
                .containsEntry("angle", "testimonial")
                .containsEntry("hookText", "Stop scrolling if your skin does THIS")
                .containsEntry("importId", second.getString("importId"))
                .containsEntry("productCategory", null);
        assertThat(outbox(projectId, Topics.PATTERN_IMPORTED)).isEqualTo(2);

        // Another project sees none of them.
        String stranger = tokens.valid(UUID.randomUUID(), "write");
        given().auth().oauth2(stranger).get("/v1/patterns/" + patternId).then().statusCode(404);
        given().auth()
                .oauth2(stranger)
                .delete("/v1/patterns/" + patternId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger)
                .get("/v1/patterns")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        // Deleting one pattern, then what is left of the first import.
        given().auth().oauth2(write).delete("/v1/patterns/" + patternId).then().statusCode(204);
        given().auth().oauth2(read).get("/v1/patterns/" + patternId).then().statusCode(404);
        given().auth()
                .oauth2(write)
                .queryParam("importId", importId)
                .delete("/v1/patterns")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(1));
        assertThat(outbox(projectId, Topics.PATTERN_DELETED)).isEqualTo(2);
        given().auth()
                .oauth2(read)
                .get("/v1/patterns")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].sourceReference", equalTo("kalodata:video:9"));
    }

    @Test
    void aFileThatCannotBeImportedIsAProblemAndWritesNothing() throws Exception {
        UUID projectId = UUID.randomUUID();
        String write = tokens.valid(projectId, "write");

        upload(write, "text/csv", "hook_text,format,angle,source_reference\n,face_cam,ugc,\n")
                .statusCode(422)
                .body("code", equalTo("no_valid_rows"))
                .body("errors.rows[0].line", equalTo(2))
                .body("errors.rows[0].errors", org.hamcrest.Matchers.hasItems("hookText: required"));
        upload(write, "text/csv", "hook,format\nx,face_cam\n").statusCode(400).body("code", equalTo("unknown_column"));
        upload(write, "text/csv", "hook_text,hook_text\nx,y\n")
                .statusCode(400)
                .body("code", equalTo("duplicate_column"));
        upload(write, "text/csv", "").statusCode(400);
        upload(write, "text/csv", "hook_text,format,angle,source_reference\n")
                .statusCode(400)
                .body("code", equalTo("no_rows"));
        upload(write, "application/x-ndjson", "\n\n").statusCode(400).body("code", equalTo("no_rows"));
        upload(write, "application/json", "{}").statusCode(415);
        StringBuilder many = new StringBuilder("hook_text,format,angle,source_reference\n");
        for (int row = 0; row <= 5_000; row++) {
            many.append("h,face_cam,ugc,r").append(row).append('\n');
        }
        upload(write, "text/csv", many.toString()).statusCode(413).body("code", equalTo("too_many_rows"));
        given().auth()
                .oauth2(write)
                .delete("/v1/patterns")
                .then()
                .statusCode(400)
                .body("code", equalTo("import_id_required"));
        given().auth()
                .oauth2(write)
                .queryParam("angle", "jazz")
                .get("/v1/patterns")
                .then()
                .statusCode(400);

        assertThat(CoachFixture.count("select count(*) from coach.top_patterns where project_id = '" + projectId + "'"))
                .isZero();
        assertThat(outbox(projectId, Topics.PATTERN_IMPORTED)).isZero();
    }

    private static ValidatableResponse upload(String token, String type, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(type)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/patterns")
                .then();
    }

    private static long outbox(UUID projectId, String topic) throws Exception {
        return CoachFixture.count(
                "select count(*) from coach.outbox where project_id = '" + projectId + "' and topic = '" + topic + "'");
    }
}
