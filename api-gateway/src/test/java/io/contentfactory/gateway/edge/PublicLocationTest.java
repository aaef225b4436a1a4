package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicLocationTest {

    private static final URI OWNER = URI.create("http://publisher-service:8084");

    @Test
    void theOwnersOwnAddressBecomesAPathTheClientResolvesAgainstTheGateway() {
        assertThat(Forwarder.publicLocation("http://publisher-service:8084/v1/publish-jobs/42?view=full", OWNER))
                .isEqualTo("/v1/publish-jobs/42?view=full");
        assertThat(Forwarder.publicLocation("http://PUBLISHER-SERVICE:8084/v1/connections/7", OWNER))
                .isEqualTo("/v1/connections/7");
        assertThat(Forwarder.publicLocation("http://localhost/v1/x", URI.create("http://localhost:80")))
                .isEqualTo("/v1/x");
    }

    @Test
    void anyOtherPlaceIsPassedOnAsItIs() {
        assertThat(Forwarder.publicLocation("/v1/publish-jobs/42", OWNER)).isEqualTo("/v1/publish-jobs/42");
        assertThat(Forwarder.publicLocation("https://bucket.s3.example.com/object?X-Amz-Signature=abc", OWNER))
                .isEqualTo("https://bucket.s3.example.com/object?X-Amz-Signature=abc");
        assertThat(Forwarder.publicLocation("http://publisher-service:9999/v1/x", OWNER))
                .isEqualTo("http://publisher-service:9999/v1/x");
        assertThat(Forwarder.publicLocation(null, OWNER)).isNull();
        assertThat(Forwarder.publicLocation("not a uri", OWNER)).isEqualTo("not a uri");
    }
}
