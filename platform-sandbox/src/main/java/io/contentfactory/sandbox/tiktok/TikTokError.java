package io.contentfactory.sandbox.tiktok;

import io.contentfactory.sandbox.common.Fault;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/** An error as the Content Posting API answers it: an empty {@code data} and an {@code error} object. */
public class TikTokError extends WebApplicationException {

    public TikTokError(int status, String code, String message) {
        super(
                message,
                Response.status(status)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of(
                                "data", Map.of(), "error", Map.of("code", code, "message", message, "log_id", logId())))
                        .build());
    }

    static String logId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
    }

    static TikTokError invalidToken() {
        return new TikTokError(401, "access_token_invalid", "The access token is invalid or not found in the request.");
    }

    static TikTokError invalidParams(String message) {
        return new TikTokError(400, "invalid_params", message);
    }

    static TikTokError forFault(Fault fault) {
        return switch (fault) {
            case RATE_LIMIT ->
                new TikTokError(429, "rate_limit_exceeded", "The API rate limit was exceeded. Please try again later.");
            // TikTok accepts the init and fails the download later: that is the publish's state, not an error answer.
            case MEDIA_FETCH_FAILED -> null;
            default -> new TikTokError(500, "internal_error", "Something went wrong. Please try again later.");
        };
    }
}
