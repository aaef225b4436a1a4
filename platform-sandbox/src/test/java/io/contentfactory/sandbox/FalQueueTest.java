package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.MediaProber;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fal.ai queue stand-in speaks the documented flow and makes real media of the asked shape. */
@QuarkusTest
class FalQueueTest {

    private static final String KEY = "Key sandbox-fal-key";
    private static final String KLING = "fal-ai/kling-video/v2.1/master/text-to-video";

    @Test
    void aVideoRequestQueuesRunsAndCompletesWithARealClipOfTheAskedLengthAndAspect() throws Exception {
        String prompt = "A lighthouse at dusk " + UUID.randomUUID();
        JsonPath submitted = submit(KLING, Map.of("prompt", prompt, "duration", "5", "aspect_ratio", "9:16"))
                .then()
                .statusCode(200)
                .body("queue_position", equalTo(0))
                .extract()
                .jsonPath();
        String id = submitted.getString("request_id");
        // As fal.ai's, the request's URLs hang off the model's app, its first two segments.
        assertThat(submitted.getString("status_url")).endsWith("/fal/fal-ai/kling-video/requests/" + id + "/status");
        assertThat(given().header("Authorization", KEY)
                        .get("/fal/fal-ai/kling-video/requests/" + id + "/status")
                        .statusCode())
                .isEqualTo(200);

        String first = status(KLING, id);
        assertThat(first).isIn("IN_QUEUE", "IN_PROGRESS");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(KLING, id).equals("COMPLETED"));

        JsonPath result = given().header("Authorization", KEY)
                .get("/fal/" + KLING + "/requests/" + id)
                .then()
                .statusCode(200)
                .body("video.content_type", equalTo("video/mp4"))
                .extract()
                .jsonPath();
        assertThat(result.getLong("seed")).isPositive();
        byte[] clip = given().get(path(result.getString("video.url")))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path file = Files.createTempFile("fal-test", ".mp4");
        Files.write(file, clip);
        MediaProbe probe = MediaProber.probe(file);
        assertThat(probe.resolution()).isEqualTo("360x640");
        assertThat(probe.durationSec()).isBetween(4.8, 5.2);
        assertThat(submissions(prompt)).hasSize(1);
    }

    @Test
    void anImageModelAnswersWithAJpegOfTheAskedAspect() throws Exception {
        String model = "fal-ai/flux/schnell";
        String id = submit(model, Map.of("prompt", "A red bicycle " + UUID.randomUUID(), "image_size", "square_hd"))
                .then()
                .statusCode(200)
                .extract()
                .path("request_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(model, id).equals("COMPLETED"));
        JsonPath result = given().header("Authorization", KEY)
                .get("/fal/" + model + "/requests/" + id)
                .then()
                .statusCode(200)
                .body("images[0].content_type", equalTo("image/jpeg"))
                .extract()
                .jsonPath();
        byte[] jpeg = given().get(path(result.getString("images[0].url")))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        var image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isEqualTo(640).isEqualTo(result.getInt("images[0].width"));
        assertThat(image.getHeight()).isEqualTo(640);
    }

    @Test
    void armedFaultsAndAWrongKeyAnswerAsFalDoes() {
        String tag = UUID.randomUUID().toString();
        arm(tag + " refused", "refuse");
        arm(tag + " broken", "server_error");

        String refused = submit(KLING, Map.of("prompt", tag + " refused"))
                .then()
                .statusCode(200)
                .extract()
                .path("request_id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(KLING, refused).equals("COMPLETED"));
        given().header("Authorization", KEY)
                .get("/fal/" + KLING + "/requests/" + refused)
                .then()
                .statusCode(422)
                .body("detail[0].type", equalTo("content_policy_violation"));

        submit(KLING, Map.of("prompt", tag + " broken")).then().statusCode(500);
        submit(KLING, Map.of("prompt", tag + " broken")).then().statusCode(200);

        given().header("Authorization", "Key wrong")
                .contentType("application/json")
                .body(Map.of("prompt", "x"))
                .post("/fal/" + KLING)
                .then()
                .statusCode(401);
        submit(KLING, Map.of("duration", "5")).then().statusCode(422).body("detail[0].loc[1]", equalTo("prompt"));
        given().header("Authorization", KEY)
                .get("/fal/" + KLING + "/requests/" + UUID.randomUUID() + "/status")
                .then()
                .statusCode(404);
    }

    @Test
    void aWaitingRequestCanBeCancelledAndARunningOneCannot() {
        String queued = "cancel me " + UUID.randomUUID();
        arm(queued, "never_start");
        String waiting = submit(KLING, Map.of("prompt", queued))
                .then()
                .statusCode(200)
                .extract()
                .path("request_id");
        given().header("Authorization", KEY)
                .put("/fal/" + KLING + "/requests/" + waiting + "/cancel")
                .then()
                .statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"));
        given().header("Authorization", KEY)
                .get("/fal/" + KLING + "/requests/" + waiting)
                .then()
                .statusCode(400)
                .body("detail", equalTo("Request was cancelled"));

        String tag = UUID.randomUUID().toString();
        arm(tag, "never_finish");
        String running = submit(KLING, Map.of("prompt", tag)).then().extract().path("request_id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(KLING, running).equals("IN_PROGRESS"));
        given().header("Authorization", KEY)
                .put("/fal/" + KLING + "/requests/" + running + "/cancel")
                .then()
                .statusCode(400)
                .body("status", equalTo("ALREADY_COMPLETED"));
    }

    private static io.restassured.response.Response submit(String model, Map<String, Object> input) {
        return given().header("Authorization", KEY)
                .contentType("application/json")
                .body(input)
                .post("/fal/" + model);
    }

    private static String status(String model, String id) {
        return given().header("Authorization", KEY)
                .get("/fal/" + model + "/requests/" + id + "/status")
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static void arm(String promptContains, String fault) {
        given().contentType("application/json")
                .body(Map.of("promptContains", promptContains, "fault", fault))
                .post("/sandbox/fal/faults")
                .then()
                .statusCode(204);
    }

    private static List<Object> submissions(String prompt) {
        return given().get("/sandbox/fal/submissions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.prompt == '" + prompt + "' }");
    }

    /** The path of a URL the sandbox wrote with its public base (the test port differs). */
    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }
}
