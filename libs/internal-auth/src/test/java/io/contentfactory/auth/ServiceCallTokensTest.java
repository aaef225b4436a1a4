package io.contentfactory.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCallTokensTest {

    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METRICS_TO_PUBLISHER =
            ServiceCallTokens.pairKey(MASTER, "metrics-service", "publisher-service");
    private static final Map<String, byte[]> PUBLISHER_ACCEPTS = Map.of("metrics-service", METRICS_TO_PUBLISHER);
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aTokenFromTheCallerWithItsPairKeyNamesTheCaller() {
        String token = ServiceCallTokens.mint(METRICS_TO_PUBLISHER, "metrics-service", "publisher-service", NOW);
        assertEquals(
                "metrics-service",
                ServiceCallTokens.verify(token, PUBLISHER_ACCEPTS, "publisher-service", NOW.plusSeconds(30)));
    }

    @Test
    void everyOtherTokenIsRefused() {
        String good = ServiceCallTokens.mint(METRICS_TO_PUBLISHER, "metrics-service", "publisher-service", NOW);
        byte[] otherPair = ServiceCallTokens.pairKey(MASTER, "coach-service", "publisher-service");
        refused(good, NOW.plusSeconds(61));
        refused(good, NOW.minusSeconds(60));
        refused(ServiceCallTokens.mint(otherPair, "metrics-service", "publisher-service", NOW), NOW);
        refused(ServiceCallTokens.mint(otherPair, "coach-service", "publisher-service", NOW), NOW);
        refused(ServiceCallTokens.mint(METRICS_TO_PUBLISHER, "metrics-service", "ingest-service", NOW), NOW);
        refused(
                ServiceCallTokens.mint(
                        InternalTokenContract.serviceKey(MASTER, "publisher-service"),
                        "metrics-service",
                        "publisher-service",
                        NOW),
                NOW);
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        refused(none + "." + parts[1] + ".", NOW);
        refused(parts[0] + "." + parts[1], NOW);
        refused(null, NOW);
    }

    private static void refused(String token, Instant at) {
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceCallTokens.verify(token, PUBLISHER_ACCEPTS, "publisher-service", at));
    }
}
