package io.contentfactory.metrics.clients;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.metrics.config.MetricsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
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
 * Read tokens of the projects' platform accounts, and which account a connection is, from publisher-service's
 * internal routes (its connections are its own tables), proven with this service's pair key. A token is kept for a few minutes, never past its expiry. A token
 * the platform refused is reported back, and publisher-service marks the connection {@code needs_reauth}, as it does
 * when publishing meets one.
 */
@ApplicationScoped
public class ReadTokens {

    private static final Duration KEEP = Duration.ofMinutes(5);

    /** What publisher-service said of an account. */
    public sealed interface AccountToken {
        record Token(String value) implements AccountToken {}

        /** The project has no connection for the account. */
        record NoConnection() implements AccountToken {}

        /** The connection exists but cannot be used now ({@code needs_reauth}, {@code disabled}). */
        record Unusable(String status) implements AccountToken {}

        /** publisher-service did not answer. */
        record Unreachable(String reason) implements AccountToken {}
    }

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

    public Uni<AccountToken> forAccount(UUID projectId, String platform, String accountId) {
        String key = key(projectId, platform, accountId);
        Cached cached = cache.get(key);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return Uni.createFrom().item(new AccountToken.Token(cached.token()));
        }
        return signed(http.getAbs(route(projectId, platform, accountId)))
                .send()
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        JsonObject body = response.bodyAsJsonObject();
                        String token = body.getString("accessToken");
                        cache.put(key, new Cached(token, keepUntil(body.getString("expiresAt"))));
                        yield (AccountToken) new AccountToken.Token(token);
                    }
                    case 404 -> new AccountToken.NoConnection();
                    case 409 -> new AccountToken.Unusable(statusOf(response.bodyAsString()));
                    default -> new AccountToken.Unreachable("publisher-service answered HTTP " + response.statusCode());
                })
                .onFailure()
                .recoverWithItem(failure -> new AccountToken.Unreachable("publisher-service: " + failure));
    }

    /** Which platform account one of the project's connections is. */
    public record ConnectedAccount(String platform, String accountId) {}

    /**
     * The platform and account of a connection; empty when the project has no such connection (another project's
     * included). Fails when publisher-service cannot say.
     */
    public Uni<java.util.Optional<ConnectedAccount>> accountOf(UUID projectId, UUID connectionId) {
        return signed(http.getAbs(baseUrl + "/internal/v1/connections/" + projectId + "/" + connectionId))
                .send()
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        JsonObject body = response.bodyAsJsonObject();
                        yield java.util.Optional.of(
                                new ConnectedAccount(body.getString("platform"), body.getString("accountId")));
                    }
                    case 404 -> java.util.Optional.<ConnectedAccount>empty();
                    default ->
                        throw new DomainError.Unavailable(
                                "publisher_unavailable",
                                "publisher-service could not say which account the connection is (HTTP "
                                        + response.statusCode() + ")");
                });
    }

    /** The platform refused the account's token: forget it, and have publisher-service mark the connection. */
    public Uni<Void> rejected(UUID projectId, String platform, String accountId, String reason) {
        cache.remove(key(projectId, platform, accountId));
        return signed(http.postAbs(route(projectId, platform, accountId) + "/rejection"))
                .sendJsonObject(new JsonObject().put("reason", reason))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private HttpRequest<io.vertx.mutiny.core.buffer.Buffer> signed(
            HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request) {
        return request.timeout(10_000)
                .putHeader(
                        ServiceCallTokens.HEADER,
                        "Bearer " + ServiceCallTokens.mint(callKey, self, "publisher-service", Instant.now()));
    }

    private String route(UUID projectId, String platform, String accountId) {
        return baseUrl + "/internal/v1/read-tokens/" + projectId + "/" + platform + "/"
                + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
    }

    private static String key(UUID projectId, String platform, String accountId) {
        return projectId + "/" + platform + "/" + accountId;
    }

    private static Instant keepUntil(String expiresAt) {
        Instant until = Instant.now().plus(KEEP);
        if (expiresAt != null && Instant.parse(expiresAt).minusSeconds(60).isBefore(until)) {
            return Instant.parse(expiresAt).minusSeconds(60);
        }
        return until;
    }

    /** {@code needs_reauth} from a {@code connection_needs_reauth} problem; the problem's code otherwise. */
    private static String statusOf(String problem) {
        try {
            String code = new JsonObject(problem).getString("code", "connection_unusable");
            return code.startsWith("connection_") ? code.substring("connection_".length()) : code;
        } catch (RuntimeException notJson) {
            return "unusable";
        }
    }
}
