package io.contentfactory.sandbox.instagram;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A Graph API error, answered in the platform's shape: {@code {"error": {message, type, code, error_subcode, fbtrace_id}}}. */
public class GraphError extends WebApplicationException {

    public GraphError(int httpStatus, String type, int code, Integer subcode, String message) {
        super(
                message,
                Response.status(httpStatus)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", body(type, code, subcode, message)))
                        .build());
    }

    private GraphError(Response response) {
        super(response);
    }

    /** Over the account's Business Use Case budget: code 80002, with the usage header saying when access returns. */
    public static GraphError overBudget(String accountId, InstagramSandbox.Usage usage) {
        String message = "There have been too many calls to this Instagram account. Wait a bit and try again.";
        return new GraphError(Response.status(400)
                .type(MediaType.APPLICATION_JSON)
                .header(USAGE_HEADER, usageHeader(accountId, usage))
                .entity(Map.of("error", body("OAuthException", 80002, null, message)))
                .build());
    }

    static final String USAGE_HEADER = "X-Business-Use-Case-Usage";

    /** {@code X-Business-Use-Case-Usage} as Meta writes it: per business object, the shares used and the wait. */
    static String usageHeader(String accountId, InstagramSandbox.Usage usage) {
        return io.vertx.core.json.Json.encode(Map.of(
                accountId,
                java.util.List.of(Map.of(
                        "type",
                        "instagram",
                        "call_count",
                        usage.percent(),
                        "total_cputime",
                        Math.max(1, usage.percent() / 2),
                        "total_time",
                        Math.max(1, usage.percent() / 2),
                        "estimated_time_to_regain_access",
                        usage.minutesToRegainAccess()))));
    }

    private static Map<String, Object> body(String type, int code, Integer subcode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", UUID.randomUUID().toString().replace("-", "").substring(0, 11));
        return error;
    }

    public static GraphError invalidToken() {
        return new GraphError(
                400, "OAuthException", 190, null, "Invalid OAuth access token - Cannot parse access token");
    }

    public static GraphError missingParameter(String name) {
        return new GraphError(400, "OAuthException", 100, null, "The parameter " + name + " is required");
    }

    public static GraphError unknownObject(String id) {
        return new GraphError(
                400,
                "GraphMethodException",
                100,
                33,
                "Unsupported get request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation");
    }

    public static GraphError mediaFetchFailed(String detail) {
        return new GraphError(
                400, "OAuthException", 9004, 2207052, "The media could not be fetched from this URI: " + detail);
    }

    public static GraphError unsupportedImageFormat(String contentType) {
        return new GraphError(
                400,
                "OAuthException",
                36003,
                2207083,
                "The image format is not supported: " + contentType + ". Only JPEG images can be published");
    }

    public static GraphError notReady() {
        return new GraphError(
                400,
                "OAuthException",
                9007,
                2207027,
                "Media ID is not available: the media is not ready for publishing, please wait for a moment");
    }

    public static GraphError expired() {
        return new GraphError(
                400,
                "OAuthException",
                9007,
                2207006,
                "The media container has expired: it was not published within 24 hours");
    }

    public static GraphError publishLimit(int limit) {
        return new GraphError(
                400,
                "OAuthException",
                9,
                2207042,
                "Content publishing limit reached: an account can publish " + limit + " posts per 24 hours");
    }

    /** The Graph answer to a call-level fault. */
    public static GraphError forFault(io.contentfactory.sandbox.common.Fault fault) {
        return switch (fault) {
            case RATE_LIMIT -> new GraphError(400, "OAuthException", 4, null, "Application request limit reached");
            case MEDIA_FETCH_FAILED -> mediaFetchFailed("the server did not answer (sandbox fault)");
            default ->
                new GraphError(
                        500,
                        "OAuthException",
                        2,
                        null,
                        "An unexpected error has occurred. Please retry your request later.");
        };
    }
}
