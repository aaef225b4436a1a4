package io.contentfactory.publisher.platform;

import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An OAuth 2.0 refresh grant (RFC 6749 §6), as TikTok and Google answer it: the new tokens, or an {@code error}
 * such as {@code invalid_grant}, which no retry cures. A 429 or 5xx may pass and is retryable.
 */
final class OAuthRefresh {

    private OAuthRefresh() {}

    /**
     * @param provider     names the error codes ({@code <provider>_invalid_grant})
     * @param form         the client's credentials; the grant type and refresh token are added
     * @param defaultLife  how long the access token lives when the answer does not say
     */
    static Uni<TokenGrant> refresh(
            WebClient http,
            String tokenUrl,
            String provider,
            MultiMap form,
            String refreshToken,
            Duration defaultLife) {
        if (refreshToken == null) {
            return Uni.createFrom()
                    .failure(new PublishFailure(
                            "refresh_token_missing",
                            "the connection has no refresh token to renew its access token with",
                            "refresh",
                            false,
                            Map.of()));
        }
        form.add("grant_type", "refresh_token").add("refresh_token", refreshToken);
        return http.postAbs(tokenUrl)
                .timeout(15_000)
                .sendForm(form)
                .map(response -> {
                    JsonObject body = JsonAnswers.body(response, provider, "refresh");
                    if (response.statusCode() / 100 != 2 || body.getValue("error") instanceof String) {
                        String code = body.getString("error", "http_" + response.statusCode());
                        throw new PublishFailure(
                                provider + "_" + code,
                                body.getString("error_description", "the refresh was refused"),
                                "refresh",
                                response.statusCode() >= 500 || response.statusCode() == 429,
                                Map.of("http_status", response.statusCode()));
                    }
                    long life = body.getLong("expires_in", defaultLife.toSeconds());
                    return new TokenGrant(
                            JsonAnswers.required(body, "access_token", provider, "refresh"),
                            body.getString("refresh_token"),
                            Instant.now().plusSeconds(life));
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "refresh"));
    }
}
