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
    private static final Duration WAIT = Duration.ofSeconds(40);

    record Tenant(String projectId, String slug, String key, String keyId) {
    }

    private Tenants() {
    }

    static Tenant create(String... scopes) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String projectId = given().header("Authorization", OPERATOR).contentType("application/json")
                .body(Map.of("name", "Tenant " + slug, "slug", slug)).post("/admin/projects")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> key = given().header("Authorization", OPERATOR).contentType("application/json")
                .body(Map.of("scopes", List.of(scopes), "label", "test")).post("/admin/projects/{id}/keys", projectId)
                .then().statusCode(201).extract().jsonPath().getMap("");
        return new Tenant(projectId, slug, (String) key.get("key"), (String) key.get("id"));
    }

    /** Connects a platform account to the tenant's project through the public API; answers the connection's id. */
    static String connectionOf(Tenant tenant) {
        return given().auth().oauth2(tenant.key()).contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", "acct-" + UUID.randomUUID(), "accessToken", "token"))
                .post("/v1/connections").then().statusCode(201).extract().path("id");
    }

    /** Drops an image into the tenant's watched folder and waits until ingest-service has registered it. */
    static UUID mediaOf(Tenant tenant) {
        await().atMost(WAIT).until(() -> Files.isDirectory(ServicesBehindGateway.INBOX.resolve(tenant.slug())));
        try {
            Files.write(ServicesBehindGateway.INBOX.resolve(tenant.slug()).resolve("cover.jpg"), TestMedia.jpeg(32, 32));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return await().atMost(WAIT).until(() -> {
            try (Connection c = PostgresResource.database().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from ingest.media_assets where project_id = '" + tenant.projectId() + "'")) {
                return rs.next() ? UUID.fromString(rs.getString(1)) : null;
            }
        }, id -> id != null);
    }
}
