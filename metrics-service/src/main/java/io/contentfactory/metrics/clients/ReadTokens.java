package io.contentfactory.metrics.clients;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.metrics.config.MetricsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read tokens of the projects' platform accounts, from publisher-service's internal route (its connections are its
 * own tables), proven with this service's pair key. A token is kept for a few minutes, never past its expiry.
 */
@ApplicationScoped
public class ReadTokens {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final WebClient http;
    private final String baseUrl;
    private final byte[] callKey;
    private final String self;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ReadTokens(Vertx vertx, ServiceConfig service, MetricsConfig config) {
        this.http = WebClient.create(vertx);
        this.baseUrl = config.publisher().baseUrl().replaceAll("/+$", "");
        this.callKey = ServiceCallTokens.readKey(config.publisher().callKey());
        this.self = service.name();
    }

    private record Cached(String token, Instant until) {}

    public Uni<String> forAccount(UUID projectId, String platform, String accountId) {
        String key = projectId + "/" + platform + "/" + accountId;
        Cached cached = cache.get(key);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return Uni.createFrom().item(cached.token());
        }
        String url = baseUrl + "/internal/v1/read-tokens/" + projectId + "/" + platform + "/"
                + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
        return http.getAbs(url)
                .timeout(10_000)
                .putHeader(
                        ServiceCallTokens.HEADER,
                        "Bearer " + ServiceCallTokens.mint(callKey, self, "publisher-service", Instant.now()))
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "publisher-service has no read token for " + platform + " account " + accountId
                                        + " of project " + projectId + ": HTTP " + response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    String token = body.getString("accessToken");
                    Instant until = Instant.now().plus(KEEP);
                    String expiresAt = body.getString("expiresAt");
                    if (expiresAt != null
                            && Instant.parse(expiresAt).minusSeconds(60).isBefore(until)) {
                        until = Instant.parse(expiresAt).minusSeconds(60);
                    }
                    cache.put(key, new Cached(token, until));
                    return token;
                });
    }
}
