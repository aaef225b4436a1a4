package io.contentfactory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.auth.InternalTokenContract;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalTokensTest {

    @Test
    void eachServicesTestKeyIsDerivedFromTheTestMasterSecret() throws Exception {
        for (String service : List.of(
                "ingest-service",
                "analysis-service",
                "scheduler-service",
                "publisher-service",
                "metrics-service",
                "coach-service",
                "studio-service")) {
            try (InputStream in = getClass().getResourceAsStream("/internal-jwt/test-" + service + ".jwk")) {
                assertThat(in).as("test key of %s", service).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip())
                        .isEqualTo(InternalTokenContract.serviceJwk(InternalTokens.masterSecret(), service));
            }
        }
    }

    @Test
    void servicesGetDistinctKeys() {
        byte[] master = InternalTokens.masterSecret();
        assertThat(InternalTokenContract.serviceKey(master, "ingest-service"))
                .hasSize(32)
                .isNotEqualTo(InternalTokenContract.serviceKey(master, "analysis-service"));
    }
}
