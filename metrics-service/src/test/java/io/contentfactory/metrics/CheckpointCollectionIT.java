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
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = "factory.metrics.instagram.base-url"))
@QuarkusTestResource(FakePublisher.class)
class CheckpointCollectionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void theEarlyCheckpointsAreCollectedInOrderWithGrowingCounts() throws Exception {
        String mediaId = publishOnSandbox();
        UUID projectId = UUID.randomUUID();
        PostPublished published = new PostPublished(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                "sandbox-ig-account",
                PostFormat.FEED_IMAGE,
                mediaId,
                "https://sandbox/p/x",
                "caption",
                Instant.now());
        kafka.send(
                Topics.POST_PUBLISHED,
                published.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/publisher-service", projectId, Instant.now(), published)));

        // With one minute compressed to 20 ms: 15m after 0.3 s, 1h after 1.2 s, 4h after 4.8 s.
        List<MetricsCollected> collected =
                new ArrayList<>(kafka
                        .await(
                                Topics.METRICS_COLLECTED,
                                r -> r.value().contains(published.targetId().toString()),
                                3,
                                TIMEOUT)
                        .stream()
                        .map(r -> EventCodec.data(EventCodec.parse(r.value()), MetricsCollected.class))
                        .toList());
        // A service that starts late on a busy machine finds all three due at once: they may then be read in the same
        // second (equal counts) and in any order, so they are put in checkpoint order and the counts must not shrink.
        List<String> order = List.of("15m", "1h", "4h", "24h", "72h", "7d");
        collected.sort(Comparator.comparing(event -> order.indexOf(event.checkpoint())));
        assertThat(collected).extracting(MetricsCollected::checkpoint).startsWith("15m", "1h", "4h");
        assertThat(collected.get(0).views()).isPositive();
        assertThat(collected).extracting(MetricsCollected::views).isSorted();
        assertThat(collected.get(0).checkedAt()).isAfterOrEqualTo(published.publishedAt());
        assertThat(collected.get(0).externalPostId()).isEqualTo(mediaId);
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
        assertThat(count("select count(*) from metrics.posting_metrics where target_id = '" + published.targetId()
                        + "' and raw_payload like '%\"name\":\"views\"%'"))
                .isGreaterThanOrEqualTo(3);
    }

    private static String publishOnSandbox() throws Exception {
        HttpServer assets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        byte[] jpeg = out.toByteArray();
        assets.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, jpeg.length);
            exchange.getResponseBody().write(jpeg);
            exchange.close();
        });
        assets.start();
        try {
            String base = SandboxResource.sandbox().baseUrl();
            String container = given().formParams(Map.of(
                            "image_url",
                            "http://127.0.0.1:" + assets.getAddress().getPort() + "/a.jpg",
                            "access_token",
                            "sandbox-token"))
                    .post(base + "/v21.0/sandbox-ig-account/media")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
            await().atMost(TIMEOUT)
                    .until(() -> "FINISHED"
                            .equals(given().queryParams(
                                            Map.of("fields", "status_code", "access_token", "sandbox-token"))
                                    .get(base + "/v21.0/" + container)
                                    .then()
                                    .extract()
                                    .path("status_code")));
            return given().formParams(Map.of("creation_id", container, "access_token", "sandbox-token"))
                    .post(base + "/v21.0/sandbox-ig-account/media_publish")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
        } finally {
            assets.stop(0);
        }
    }

    private static long count(String sql) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "metrics", "cf_metrics", Map.of(), Map.of("metric_checkpoints_due_idx", "timer claims span projects"));
    }
}
