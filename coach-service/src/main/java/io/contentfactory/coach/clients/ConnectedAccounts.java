package io.contentfactory.coach.clients;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.coach.config.CoachConfig;
import io.contentfactory.coach.domain.SocialAccount;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which platform account one of a project's connections is: the connections are publisher-service's, asked through its
 * internal route with this service's pair key. The models are learned per account, as the publications name it.
 */
@ApplicationScoped
public class ConnectedAccounts {

    private final WebClient http;
    private final String baseUrl;
    private final byte[] callKey;
    private final String self;

    ConnectedAccounts(Vertx vertx, ServiceConfig service, CoachConfig config) {
        this.http = WebClient.create(vertx);
        this.baseUrl = config.publisher().baseUrl().replaceAll("/+$", "");
        this.callKey = ServiceCallTokens.readKey(config.publisher().callKey());
        this.self = service.name();
    }

    /** The connection's account; empty when the project has no such connection (another project's included). */
    public Uni<Optional<SocialAccount>> of(UUID projectId, UUID connectionId) {
        return http.getAbs(baseUrl + "/internal/v1/connections/" + projectId + "/" + connectionId)
                .timeout(10_000)
                .putHeader(
                        ServiceCallTokens.HEADER,
                        "Bearer " + ServiceCallTokens.mint(callKey, self, "publisher-service", Instant.now()))
                .send()
                .onFailure()
                .transform(unreachable -> new DomainError.Unavailable(
                        "publisher_unavailable", "publisher-service could not say which account the connection is"))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        JsonObject body = response.bodyAsJsonObject();
                        yield Optional.of(new SocialAccount(body.getString("platform"), body.getString("accountId")));
                    }
                    case 404 -> Optional.<SocialAccount>empty();
                    default ->
                        throw new DomainError.Unavailable(
                                "publisher_unavailable",
                                "publisher-service could not say which account the connection is (HTTP "
                                        + response.statusCode() + ")");
                });
    }
}
