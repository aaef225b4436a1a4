package io.contentfactory.kit.calls;

import io.contentfactory.contracts.ServiceCallTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Exchanges one of ingest-service's signed asset URLs ({@code signature=} in its query) for a fresh one at its internal
 * route, proven with the pair key the calling service shares with ingest-service. Asset URLs expire (a week by
 * default) while the services that hold one may use it much later. A URL that is not signed, or that ingest-service
 * does not renew, comes back as it was, and whoever fetches it finds out.
 */
public final class AssetUrlRenewal {

    private static final Logger LOG = Logger.getLogger(AssetUrlRenewal.class);
    private static final String CALLEE = "ingest-service";

    private final WebClient http;
    private final String endpoint;
    private final byte[] callKey;
    private final String caller;

    /** @param callKey the base64url pair key; {@code caller} is this service's name, the token's issuer */
    public AssetUrlRenewal(WebClient http, String ingestBaseUrl, String callKey, String caller) {
        this.http = http;
        this.endpoint = ingestBaseUrl.replaceAll("/+$", "") + "/internal/v1/asset-urls/refresh";
        this.callKey = ServiceCallTokens.readKey(callKey);
        this.caller = caller;
    }

    public Uni<String> renewed(String url) {
        if (url == null || !url.contains("signature=")) {
            return Uni.createFrom().item(url);
        }
        String token = ServiceCallTokens.mint(callKey, caller, CALLEE, Instant.now());
        return http.postAbs(endpoint)
                .timeout(10_000)
                .putHeader(ServiceCallTokens.HEADER, "Bearer " + token)
                .sendJsonObject(new JsonObject().put("url", url))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("ingest-service did not renew a media URL: HTTP %d", response.statusCode());
                        return url;
                    }
                    return response.bodyAsJsonObject().getString("url", url);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("ingest-service did not renew a media URL: %s", failure.toString());
                    return url;
                });
    }
}
