package io.contentfactory.metrics.platform;

import io.contentfactory.metrics.clients.ReadTokens;
import io.contentfactory.metrics.config.MetricsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** Reads a post's lifetime insights from Instagram's Graph API ({@code GET /{media-id}/insights}). */
@ApplicationScoped
public class InstagramInsightsClient {

    static final String METRICS = "views,reach,likes,comments,shares,saved";

    private final WebClient http;
    private final MetricsConfig.Instagram config;

    InstagramInsightsClient(Vertx vertx, MetricsConfig config) {
        this.http = WebClient.create(vertx);
        this.config = config.instagram();
    }

    /** @param token the account's read token (see {@link ReadTokens}) */
    public Uni<InsightsSnapshot> insights(String mediaId, String token) {
        String url = config.baseUrl().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + mediaId + "/insights";
        return http.getAbs(url)
                .addQueryParam("metric", METRICS)
                .addQueryParam("access_token", token)
                .timeout(15_000)
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("insights of " + mediaId + " answered HTTP "
                                + response.statusCode() + ": " + response.bodyAsString());
                    }
                    return parse(response.bodyAsJsonObject());
                });
    }

    private static InsightsSnapshot parse(JsonObject body) {
        Map<String, Long> values = new HashMap<>();
        JsonArray data = body.getJsonArray("data", new JsonArray());
        for (int i = 0; i < data.size(); i++) {
            JsonObject metric = data.getJsonObject(i);
            JsonArray metricValues = metric.getJsonArray("values", new JsonArray());
            if (!metricValues.isEmpty()) {
                values.put(
                        metric.getString("name"), metricValues.getJsonObject(0).getLong("value", 0L));
            }
        }
        return new InsightsSnapshot(values, body.encode());
    }
}
