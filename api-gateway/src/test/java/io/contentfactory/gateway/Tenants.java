package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects created through the operator API, with a key each, and media dropped into their ingest folders. */
final class Tenants {

    static final String OPERATOR = "Bearer test-operator-token";
    private static final Duration WAIT = Duration.ofSeconds(90);

    record Tenant(String projectId, String slug, String key, String keyId) {}

    private Tenants() {}

    static Tenant create(String... scopes) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String projectId = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("name", "Tenant " + slug, "slug", slug))
                .post("/admin/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> key = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("scopes", List.of(scopes), "label", "test"))
                .post("/admin/projects/{id}/keys", projectId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        return new Tenant(projectId, slug, (String) key.get("key"), (String) key.get("id"));
    }

    /** Connects a platform account to the tenant's project through the public API; answers the connection's id. */
    static String connectionOf(Tenant tenant) {
        return given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", "acct-" + UUID.randomUUID(), "accessToken", "token"))
                .post("/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Drops an image into the tenant's watched folder and waits until ingest-service has registered it. */
    static UUID mediaOf(Tenant tenant) {
        return mediaOf(tenant, "cover.jpg", TestMedia.jpeg(32, 32));
    }

    static UUID mediaOf(Tenant tenant, String file, byte[] bytes) {
        await().atMost(WAIT).until(() -> Files.isDirectory(ServicesBehindGateway.INBOX.resolve(tenant.slug())));
        try {
            Files.write(ServicesBehindGateway.INBOX.resolve(tenant.slug()).resolve(file), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String sql = "select id from ingest.media_assets where project_id = '" + tenant.projectId()
                + "' and file_name = '" + file + "' and status in ('ingested', 'analyzed')";
        return await().atMost(WAIT)
                .until(
                        () -> {
                            try (Connection c = PostgresResource.database().connect();
                                    Statement s = c.createStatement();
                                    ResultSet rs = s.executeQuery(sql)) {
                                return rs.next() ? UUID.fromString(rs.getString(1)) : null;
                            }
                        },
                        id -> id != null);
    }

    /** A media item of the tenant's that analysis-service has analysed. */
    static UUID analysedMediaOf(Tenant tenant) {
        // One per tenant: a second image with the same bytes would be a duplicate, never analysed.
        return ANALYSED.computeIfAbsent(tenant.projectId(), project -> {
            UUID media = mediaOf(
                    tenant,
                    "analysed-" + UUID.randomUUID().toString().substring(0, 8) + ".jpg",
                    TestMedia.jpeg(40, 50));
            String sql = "select id from analysis.media_analysis where media_id = '" + media + "'";
            await().atMost(WAIT).until(() -> {
                try (Connection c = PostgresResource.database().connect();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(sql)) {
                    return rs.next();
                }
            });
            return media;
        });
    }

    private static final Map<String, UUID> ANALYSED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The tenant's analysed media item once coach-service has an insight on it, asked for through the gateway as
     * soon as the coach has its analysis; answers the insight's id.
     */
    static String insightOf(Tenant tenant) {
        return INSIGHTS.computeIfAbsent(tenant.projectId(), project -> {
            UUID media = analysedMediaOf(tenant);
            String[] insight = new String[1];
            await().atMost(WAIT).until(() -> {
                var refreshed = given().urlEncodingEnabled(false)
                        .auth()
                        .oauth2(tenant.key())
                        .post("/v1/media/{id}/coach-summary:refresh", media);
                insight[0] = refreshed.statusCode() == 202 ? refreshed.path("insightId") : null;
                return insight[0] != null;
            });
            return insight[0];
        });
    }

    /** The tenant's media item with a coach insight (see {@link #insightOf}). */
    static UUID coachedMediaOf(Tenant tenant) {
        insightOf(tenant);
        return analysedMediaOf(tenant);
    }

    private static final Map<String, String> INSIGHTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A prompt_only creative brief of the tenant's. */
    static String briefOf(Tenant tenant) {
        return BRIEFS.computeIfAbsent(
                tenant.projectId(),
                project -> given().auth()
                        .oauth2(tenant.key())
                        .contentType("application/json")
                        .body(Map.of("sourceType", "prompt_only", "prompt", "A brief of " + project))
                        .post("/v1/creative-briefs")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    /** A derivative plan of the tenant's, written by hand for its brief. */
    static String planOf(Tenant tenant) {
        return PLANS.computeIfAbsent(
                tenant.projectId(),
                project -> given().auth()
                        .oauth2(tenant.key())
                        .contentType("application/json")
                        .body(Map.of(
                                "briefId", briefOf(tenant),
                                "formatType", "carousel",
                                "instructions", "One slide a point",
                                "targetPlatform", "instagram"))
                        .post("/v1/derivative-plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    /** A CSV of one top-performer pattern with a reference of its own. */
    static byte[] patternCsv() {
        return ("hook_text,format,angle,source_reference\n\"Watch this before you buy\",face_cam,ugc,matrix:"
                        + UUID.randomUUID() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new top-performer pattern of the tenant's, imported now (a route may delete it). */
    static String newPatternOf(Tenant tenant) {
        String importId = given().auth()
                .oauth2(tenant.key())
                .contentType("text/csv")
                .body(patternCsv())
                .post("/v1/patterns")
                .then()
                .statusCode(201)
                .extract()
                .path("importId");
        return given().auth()
                .oauth2(tenant.key())
                .queryParam("importId", importId)
                .get("/v1/patterns")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    private static final Map<String, String> BRIEFS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** ingest-service's public URL of a media asset: what the publisher's preflight accepts. */
    static String assetUrl(Tenant tenant, UUID mediaId) {
        return given().auth()
                .oauth2(tenant.key())
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(200)
                .extract()
                .path("contentUrl");
    }

    /** A publish job of the tenant's: an Instagram account connected and an image of its own queued for it. */
    static String publishJobOf(Tenant tenant) {
        String account = "acct-" + UUID.randomUUID();
        given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", account, "accessToken", "token"))
                .post("/v1/connections")
                .then()
                .statusCode(201);
        UUID media = mediaOf(tenant);
        return given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(publishBody(UUID.randomUUID(), media, account, assetUrl(tenant, media), "A post"))
                .post("/v1/publish-jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** A post of the tenant's, once its image has been ingested and analysed: answers the post's id. */
    static String postOf(Tenant tenant) {
        return upsertPost(tenant, "matrix-" + UUID.randomUUID(), mediaOf(tenant));
    }

    /** PUTs a post, and waits until the scheduler has the media's analysis and has planned it. */
    static String upsertPost(Tenant tenant, String ref, UUID media) {
        String id = given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(postBody(media))
                .put("/v1/posts/{ref}", ref)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .path("id");
        awaitPlanned(tenant, id);
        return id;
    }

    /** Until the post's target no longer waits for its media's analysis. */
    private static void awaitPlanned(Tenant tenant, String postId) {
        await().atMost(WAIT)
                .until(() -> !"waiting_for_media"
                        .equals(given().auth()
                                .oauth2(tenant.key())
                                .get("/v1/posts/{id}", postId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("targets[0].status")));
    }

    /** A manual post of the tenant's with a time in an hour: answers {@code /v1/posts/{id}/targets/{targetId}}. */
    static String manualTargetOf(Tenant tenant) {
        UUID media = mediaOf(tenant);
        Map<String, Object> body = new java.util.HashMap<>(postBody(media));
        body.put("mode", "manual");
        body.put("scheduledAt", java.time.Instant.now().plusSeconds(3600).toString());
        io.restassured.response.Response created = given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(body)
                .put("/v1/posts/{ref}", "manual-" + UUID.randomUUID())
                .then()
                .statusCode(201)
                .extract()
                .response();
        awaitPlanned(tenant, created.path("id"));
        return "/v1/posts/" + created.path("id") + "/targets/" + created.path("targets[0].id");
    }

    /**
     * A post of the tenant's published by hand on an account it has not connected, once metrics-service found its
     * first checkpoint unmeasurable: its post, media and target.
     */
    record PublishedPost(String postId, String mediaId, String targetId) {}

    private static final Map<String, PublishedPost> PUBLISHED = new java.util.concurrent.ConcurrentHashMap<>();

    static PublishedPost publishedPostOf(Tenant tenant) {
        return PUBLISHED.computeIfAbsent(tenant.key(), key -> {
            String target = manualTargetOf(tenant);
            given().auth()
                    .oauth2(tenant.key())
                    .contentType("application/json")
                    .body(Map.of("url", "https://www.instagram.com/p/matrix-published/"))
                    .post(target + "/mark-posted")
                    .then()
                    .statusCode(200);
            String postId = target.split("/")[3];
            String mediaId = given().auth()
                    .oauth2(tenant.key())
                    .get("/v1/posts/{id}", postId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("mediaIds[0]");
            // No connection for its account: its first checkpoint ends unmeasurable (checkpoint minutes are short).
            await().atMost(WAIT).until(() -> {
                var metrics = given().auth().oauth2(tenant.key()).get("/v1/posts/{id}/metrics", postId);
                return metrics.statusCode() == 200
                        && "unmeasurable".equals(metrics.path("targets[0].checkpoints[0].state"));
            });
            return new PublishedPost(postId, mediaId, target.split("/")[5]);
        });
    }

    private static final Map<String, String> METRICS_SETTINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Sets the tenant's checkpoints with one only it uses; answers that label. */
    static String metricsSettingsOf(Tenant tenant) {
        return METRICS_SETTINGS.computeIfAbsent(tenant.key(), key -> {
            String label = (2 + new java.security.SecureRandom().nextInt(100_000)) + "m";
            given().auth()
                    .oauth2(tenant.key())
                    .contentType("application/json")
                    .body(Map.of("checkpoints", List.of("15m", label)))
                    .put("/v1/metrics/settings")
                    .then()
                    .statusCode(200);
            return label;
        });
    }

    /** Saves planning settings for the tenant with an account name only it uses; answers that name. */
    static String settingsOf(Tenant tenant) {
        String account = "matrix-" + UUID.randomUUID();
        given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "autoTargets",
                        List.of(Map.of("platform", "instagram", "accountId", account))))
                .put("/v1/calendar/settings")
                .then()
                .statusCode(200);
        return account;
    }

    /** Writes the tenant's analysis settings with a hashtag of its own, and answers the hashtag. */
    static String analysisSettingsOf(Tenant tenant) {
        String tag = "matrix" + UUID.randomUUID().toString().replace("-", "");
        given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of("defaultHashtags", List.of(tag), "weights", Map.of("text", 12)))
                .put("/v1/analysis-settings")
                .then()
                .statusCode(200);
        return tag;
    }

    static Map<String, Object> postBody(UUID media) {
        return Map.of(
                "mediaIds",
                List.of(media.toString()),
                "targets",
                List.of(Map.of("platform", "instagram", "accountId", "matrix-account", "format", "feed_image")),
                "caption",
                Map.of("body", "Matrix post"),
                "scheduledAt",
                "auto");
    }

    static Map<String, Object> publishBody(UUID targetId, UUID mediaId, String account, String mediaUrl, String body) {
        return Map.of(
                "targetId",
                targetId.toString(),
                "mediaId",
                mediaId.toString(),
                "platform",
                "instagram",
                "accountId",
                account,
                "format",
                "feed_image",
                "mediaUrl",
                mediaUrl,
                "caption",
                Map.of("body", body, "hashtags", List.of("test")));
    }
}
