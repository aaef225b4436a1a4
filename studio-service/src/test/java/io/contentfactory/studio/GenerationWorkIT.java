package io.contentfactory.studio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.MediaProber;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The worker against the fal.ai stand-in (real FFmpeg clips and stills) and a stand-in for ingest-service's route:
 * shots submitted once each and polled, failures retried on the same model or moved to the next, the result
 * assembled and handed in with its provenance, {@code generation.completed} emitted; a cancel reaches the provider;
 * a generation another instance takes over is polled from its stored jobs, never submitted again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = "factory.studio.providers.fal.base-url=/fal"))
@QuarkusTestResource(IngestStandIn.class)
@QuarkusTestResource(CoachStandIn.class)
class GenerationWorkIT {

    private static final Duration MADE = Duration.ofSeconds(120);

    private final InternalTokens tokens = InternalTokens.forService("studio-service");

    @Test
    void aPromptBecomesAReelMadeShotByShotAssembledAndHandedInWithItsProvenance() throws Exception {
        UUID project = UUID.randomUUID();
        Caller key = new Caller(project);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = create(
                key,
                Map.of(
                        "prompt",
                        "Lanterns " + marker + " over a harbour. A boat " + marker + " leaves at dusk. Follow " + marker
                                + " for the next trip.",
                        "format",
                        "reel",
                        "platforms",
                        List.of("instagram"),
                        "lengthSeconds",
                        12));

        JsonPath done = awaitStatus(key, id, "completed");

        List<String> requestIds = done.getList("shots.providerRequestId", String.class);
        assertThat(done.getList("shots.status")).containsOnly("succeeded");
        assertThat(requestIds).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(done.getList("shots.seed")).doesNotContainNull();
        assertThat(done.getDouble("cost.actualUsd")).isEqualTo(done.getDouble("cost.estimatedUsd"));
        UUID mediaId = UUID.fromString(done.getString("mediaId"));
        IngestStandIn.Received received = IngestStandIn.RECEIVED.stream()
                .filter(r -> r.mediaId().equals(mediaId))
                .findFirst()
                .orElseThrow();
        assertThat(received.projectId()).isEqualTo(project);
        assertThat(received.contentType()).isEqualTo("video/mp4");

        Path reel = Files.createTempFile("reel-", ".mp4");
        Files.write(reel, received.bytes());
        MediaProbe probe = MediaProber.probe(reel);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.width()).isEqualTo(360);
        assertThat(probe.height()).isEqualTo(640);
        assertThat(probe.durationSec()).isCloseTo(12.0, within(0.3));
        Files.delete(reel);

        JsonNode provenance = EventCodec.mapper().readTree(received.provenance());
        assertThat(provenance.path("generationId").asText()).isEqualTo(id);
        assertThat(provenance.path("source").path("type").asText()).isEqualTo("prompt");
        assertThat(provenance.path("shots").findValuesAsText("providerRequestId"))
                .containsExactlyElementsOf(requestIds);
        assertThat(provenance.path("shots").findValuesAsText("model")).doesNotContain("null");

        assertThat(submissionsOf(marker)).hasSize(requestIds.size());
        TopicProbe.onTestBroker()
                .awaitOne(
                        Topics.GENERATION_COMPLETED,
                        record -> record.value().contains(id) && record.value().contains(mediaId.toString()),
                        Duration.ofSeconds(30));
    }

    @Test
    void aRefusedShotMovesToTheNextModelAndAServerErrorIsTriedAgainOnTheSameOne() throws Exception {
        Caller key = new Caller(UUID.randomUUID());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        arm("Refused " + marker, "refuse", 1);
        arm("Flaky " + marker, "server_error", 1);
        String id = create(
                key,
                Map.of(
                        "prompt",
                        "Refused " + marker + " a red door. Flaky " + marker + " a blue window.",
                        "format",
                        "carousel",
                        "platforms",
                        List.of("instagram")));

        JsonPath done = awaitStatus(key, id, "completed");

        assertThat(done.getList("mediaIds")).hasSize(2);
        String firstModel = done.getString("shots[0].triedModels[0]");
        assertThat(firstModel).isNotNull();
        assertThat(done.getString("shots[0].model.id")).isNotEqualTo(firstModel);
        assertThat(done.getString("shots[0].error.code")).isEqualTo("provider_refused");
        assertThat(done.getString("shots[0].error.stage")).isEqualTo("result");
        assertThat(done.getList("shots[1].triedModels")).isEmpty();
        assertThat(done.getInt("shots[1].attempts")).isEqualTo(2);
        assertThat(done.getString("shots[1].error.code")).isEqualTo("provider_error");
        assertThat(IngestStandIn.RECEIVED.stream()
                        .filter(r ->
                                done.getList("mediaIds").contains(r.mediaId().toString()))
                        .map(IngestStandIn.Received::contentType))
                .containsOnly("image/jpeg")
                .hasSize(2);
    }

    @Test
    void aCancelStopsTheGenerationAndCancelsItsJobsAtTheProvider() {
        Caller key = new Caller(UUID.randomUUID());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        arm("Waiting " + marker, "never_start", 5);
        String id = create(
                key,
                Map.of(
                        "prompt",
                        "Waiting " + marker + " a quiet street at noon.",
                        "format",
                        "feed_image",
                        "platforms",
                        List.of("instagram")));
        await().atMost(MADE).until(() -> "submitted".equals(read(key, id).getString("shots[0].status")));

        given().auth()
                .oauth2(key.token())
                .post("/v1/generations/{id}/cancel", id)
                .then()
                .statusCode(200);

        await().atMost(MADE).until(() -> submissionsOf(marker).stream().allMatch(s -> (Boolean) s.get("cancelled")));
        assertThat(submissionsOf(marker)).hasSize(1);
        assertThat(read(key, id).getString("status")).isEqualTo("cancelled");
    }

    @Test
    void aGenerationTakenOverByAnotherInstanceIsPolledFromItsStoredJobsWithoutSubmittingAgain() throws Exception {
        Caller key = new Caller(UUID.randomUUID());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = create(
                key,
                Map.of(
                        "prompt",
                        "Resumed " + marker + " a kite over dunes. Sand " + marker + " moves in the wind.",
                        "format",
                        "reel",
                        "platforms",
                        List.of("tiktok"),
                        "lengthSeconds",
                        8));
        await().atMost(MADE)
                .until(() -> read(key, id).getList("shots.providerRequestId").stream()
                        .allMatch(java.util.Objects::nonNull));

        // Another instance claims it: the epoch moves on, so a write of an earlier claim would be refused.
        try (Connection db = PostgresResource.database().connect();
                PreparedStatement takeOver = db.prepareStatement("update studio.generations"
                        + " set lease_epoch = lease_epoch + 1, lease_until = null, fire_at = now()"
                        + " where id = ?::uuid and fired_at is null")) {
            takeOver.setString(1, id);
            takeOver.executeUpdate();
        }

        JsonPath done = awaitStatus(key, id, "completed");
        assertThat(submissionsOf(marker)).hasSize(done.getList("shots").size());
    }

    static void arm(String promptContains, String fault, int times) {
        given().contentType("application/json")
                .body(Map.of("promptContains", promptContains, "fault", fault, "times", times))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/fal/faults")
                .then()
                .statusCode(204);
    }

    static List<Map<String, Object>> submissionsOf(String marker) {
        List<Map<String, Object>> all = given().get(SandboxResource.sandbox().baseUrl() + "/sandbox/fal/submissions")
                .jsonPath()
                .getList("$");
        return all.stream()
                .filter(s -> s.get("prompt").toString().contains(marker))
                .toList();
    }

    /** A project's caller: a fresh internal token for each call, as they live a minute. */
    private final class Caller {
        private final UUID project;

        Caller(UUID project) {
            this.project = project;
        }

        String token() {
            return tokens.valid(project, "read", "write");
        }
    }

    private static String create(Caller key, Map<String, Object> body) {
        return given().auth()
                .oauth2(key.token())
                .contentType("application/json")
                .body(body)
                .post("/v1/generations")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static JsonPath read(Caller key, String id) {
        return given().auth()
                .oauth2(key.token())
                .get("/v1/generations/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitStatus(Caller key, String id, String status) {
        await().atMost(MADE).until(() -> {
            String now = read(key, id).getString("status");
            if (now.equals("failed") && !status.equals("failed")) {
                throw new AssertionError(
                        "generation " + id + " failed: " + read(key, id).prettify());
            }
            return now.equals(status);
        });
        return read(key, id);
    }
}
