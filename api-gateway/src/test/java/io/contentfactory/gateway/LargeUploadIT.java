package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.testkit.GeneratedBytes;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB upload streamed through the gateway into ingest-service, which runs as its own process with a heap capped
 * below 256 MB (ServicesBehindGateway starts it with -Xmx160m): were either to buffer the body, the upload would fail
 * with an OutOfMemoryError instead of completing. The bytes are generated as they are sent, never held by the test.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class LargeUploadIT {

    private static final long ONE_GIB = 1L << 30;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aOneGibUploadStreamsThroughWithTheServiceHeapUnder256Mb() throws Exception {
        Tenants.Tenant tenant = Tenants.create("read", "write");
        GeneratedBytes body = new GeneratedBytes(GeneratedBytes.MP4_HEADER, ONE_GIB, 42);
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve("/v1/media?fileName=big.mp4"))
                .header("Authorization", "Bearer " + tenant.key())
                .header("Content-Type", "video/mp4")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), ONE_GIB))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // Random bytes behind an MP4 signature: streamed and stored whole, then refused by FFmpeg and kept for
        // inspection.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        String mediaId = io.restassured.path.json.JsonPath.from(response.body()).getString("errors.mediaId");
        given().auth()
                .oauth2(tenant.key())
                .get("/v1/media/" + mediaId)
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("sizeBytes", equalTo((int) ONE_GIB))
                .body("bytesReceived", equalTo((int) ONE_GIB))
                .body("sha256", equalTo(body.sha256()));
    }
}
