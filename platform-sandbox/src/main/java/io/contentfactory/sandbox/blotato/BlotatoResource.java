package io.contentfactory.sandbox.blotato;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.contentfactory.sandbox.common.HttpParts;
import io.contentfactory.sandbox.common.MediaFetcher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Blotato's post API under {@code /blotato}: {@code POST /v2/posts} (header {@code blotato-api-key}) answers
 * {@code 201} with a {@code postSubmissionId}, and {@code GET /v2/posts/{id}} reports {@code in-progress},
 * {@code published} (with {@code publicUrl}) or {@code failed} (with {@code errorMessage}). As Blotato documents, an
 * id it has no result for reads as {@code in-progress}.
 */
@Path("/blotato")
@Produces(MediaType.APPLICATION_JSON)
public class BlotatoResource {

    private static final Set<String> TARGETS = Set.of(
            "instagram", "tiktok", "youtube", "twitter", "linkedin", "facebook", "threads", "bluesky", "pinterest");

    private final BlotatoSandbox sandbox;
    private final FaultInjector faults;
    private final MediaFetcher media;

    BlotatoResource(BlotatoSandbox sandbox, FaultInjector faults, MediaFetcher media) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.media = media;
    }

    @POST
    @Path("/v2/posts")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(@HeaderParam("blotato-api-key") String apiKey, String body) {
        authorize(apiKey);
        JsonObject post = parse(body).getJsonObject("post");
        if (post == null) {
            throw error(400, "post is required");
        }
        String accountId = post.getString("accountId");
        JsonObject content = post.getJsonObject("content", new JsonObject());
        JsonObject target = post.getJsonObject("target", new JsonObject());
        String platform = content.getString("platform");
        if (accountId == null || accountId.isBlank()) {
            throw error(400, "post.accountId is required");
        }
        if (platform == null || !TARGETS.contains(platform) || !platform.equals(target.getString("targetType"))) {
            throw error(400, "content.platform and target.targetType must name the same supported platform");
        }
        List<String> mediaUrls = content.getJsonArray("mediaUrls", new JsonArray()).stream()
                .map(String::valueOf)
                .toList();
        Optional<Fault> fault = faults.take("blotato", accountId, "CREATE_POST");
        return Faults.apply(
                fault,
                () -> {
                    BlotatoSandbox.Submission submission =
                            sandbox.submit(accountId, platform, content.getString("text", ""), mediaUrls);
                    if (Faults.is(fault, Fault.ERROR)) {
                        sandbox.fail(submission, "The platform rejected the post (sandbox fault)");
                    } else if (Faults.is(fault, Fault.MEDIA_FETCH_FAILED)) {
                        sandbox.fail(submission, "Failed to read media from URL");
                    } else {
                        fetchMedia(submission);
                    }
                    return Uni.createFrom()
                            .item(Response.status(201)
                                    .entity(Map.of("postSubmissionId", submission.postSubmissionId))
                                    .build());
                },
                BlotatoResource::forFault);
    }

    @GET
    @Path("/v2/posts/{id}")
    public Uni<Map<String, Object>> status(@HeaderParam("blotato-api-key") String apiKey, @PathParam("id") String id) {
        authorize(apiKey);
        Optional<BlotatoSandbox.Submission> found = sandbox.submission(id);
        Optional<Fault> fault = found.flatMap(s -> faults.take("blotato", s.accountId, "STATUS"));
        return Faults.apply(
                fault,
                () -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("postSubmissionId", id);
                    String status = found.map(s -> s.status(Instant.now())).orElse("in-progress");
                    answer.put("status", status);
                    found.filter(s -> "published".equals(status))
                            .ifPresent(s -> answer.put("publicUrl", sandbox.publicUrl(s)));
                    found.filter(s -> "failed".equals(status))
                            .ifPresent(s -> answer.put("errorMessage", s.errorMessage));
                    return Uni.createFrom().item(answer);
                },
                BlotatoResource::forFault);
    }

    @GET
    @Path("/p/{id}")
    @Produces(MediaType.TEXT_HTML)
    public String permalink(@PathParam("id") String id) {
        BlotatoSandbox.Submission submission = sandbox.submission(id)
                .filter(s -> "published".equals(s.status(Instant.now())))
                .orElseThrow(() -> new NotFoundException("no published sandbox Blotato post " + id));
        return "<!doctype html><title>Blotato post</title><h1>" + submission.platform + " via Blotato</h1><p>"
                + HttpParts.escapeHtml(submission.text) + "</p>";
    }

    private void fetchMedia(BlotatoSandbox.Submission submission) {
        if (submission.mediaUrls.isEmpty()) {
            sandbox.mediaFetched(submission);
            return;
        }
        media.fetch(submission.mediaUrls.get(0))
                .subscribe()
                .with(
                        response -> {
                            if (response.statusCode() / 100 == 2) {
                                sandbox.mediaFetched(submission);
                            } else {
                                sandbox.fail(
                                        submission, "Failed to read media from URL: HTTP " + response.statusCode());
                            }
                        },
                        failure -> sandbox.fail(submission, "Failed to read media from URL: " + failure.getMessage()));
    }

    private void authorize(String apiKey) {
        if (apiKey == null || !sandbox.validKey(apiKey)) {
            throw error(401, "Invalid or missing blotato-api-key");
        }
    }

    private static JsonObject parse(String body) {
        try {
            return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (RuntimeException e) {
            throw error(400, "the body is not JSON");
        }
    }

    private static WebApplicationException forFault(Fault fault) {
        return switch (fault) {
            case RATE_LIMIT -> error(429, "Rate limit exceeded: 30 requests per minute");
            // Blotato accepts the post and fails it later: that is the caller's state, not an error answer.
            case MEDIA_FETCH_FAILED -> null;
            default -> error(500, "Internal server error");
        };
    }

    private static WebApplicationException error(int status, String message) {
        return new WebApplicationException(
                message,
                Response.status(status)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("message", message))
                        .build());
    }
}
