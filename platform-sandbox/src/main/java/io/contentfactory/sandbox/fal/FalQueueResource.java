package io.contentfactory.sandbox.fal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * fal.ai's queue API (https://queue.fal.run) under {@code /fal}: submit to {@code POST /fal/{model_id}}, then
 * {@code GET .../requests/{id}/status}, {@code GET .../requests/{id}} for the result and {@code PUT
 * .../requests/{id}/cancel}. Result files are served under {@code /fal/files}, as fal serves them from its CDN.
 */
@Path("/fal")
@Produces(MediaType.APPLICATION_JSON)
public class FalQueueResource {

    private final FalQueue queue;
    private final String base;

    FalQueueResource(FalQueue queue, @ConfigProperty(name = "sandbox.public-base-url") String publicBaseUrl) {
        this.queue = queue;
        this.base = publicBaseUrl + "/fal";
    }

    @POST
    @Path("/{model: (?!files/).+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @HeaderParam("Authorization") String authorization, @PathParam("model") String model, JsonNode input) {
        if (!queue.authorised(authorization)) {
            return unauthorised();
        }
        if (input == null
                || !input.path("prompt").isTextual()
                || input.path("prompt").asText().isBlank()) {
            return Response.status(422)
                    .entity(Map.of(
                            "detail",
                            List.of(Map.of(
                                    "loc", List.of("body", "prompt"),
                                    "msg", "field required",
                                    "type", "value_error.missing"))))
                    .build();
        }
        return queue.submit(
                        model,
                        input.path("prompt").asText(),
                        aspectRatio(input),
                        seconds(input),
                        input.hasNonNull("seed") ? input.path("seed").asLong() : null)
                .map(request -> Response.ok(Map.of(
                                "request_id",
                                request.id(),
                                "response_url",
                                requestUrl(request),
                                "status_url",
                                requestUrl(request) + "/status",
                                "cancel_url",
                                requestUrl(request) + "/cancel",
                                "queue_position",
                                0))
                        .build())
                .orElseGet(() -> Response.status(500)
                        .entity(Map.of("detail", "Internal Server Error"))
                        .build());
    }

    @GET
    @Path("/{model: .+}/requests/{id}/status")
    public Response status(
            @HeaderParam("Authorization") String authorization,
            @PathParam("model") String model,
            @PathParam("id") String id) {
        if (!queue.authorised(authorization)) {
            return unauthorised();
        }
        return queue.find(model, id)
                .map(request -> {
                    String status = queue.status(request);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", status);
                    if (status.equals("IN_QUEUE")) {
                        body.put("queue_position", 0);
                    }
                    body.put("response_url", requestUrl(request));
                    body.put("logs", null);
                    return Response.ok(body).build();
                })
                .orElseGet(FalQueueResource::notFound);
    }

    @GET
    @Path("/{model: (?!files/).+}/requests/{id}")
    public Response result(
            @HeaderParam("Authorization") String authorization,
            @PathParam("model") String model,
            @PathParam("id") String id) {
        if (!queue.authorised(authorization)) {
            return unauthorised();
        }
        return queue.find(model, id).map(this::result).orElseGet(FalQueueResource::notFound);
    }

    private Response result(FalQueue.Request request) {
        if (!queue.status(request).equals("COMPLETED")) {
            return Response.status(400)
                    .entity(Map.of("detail", "Request is still in progress"))
                    .build();
        }
        if (request.cancelled()) {
            return Response.status(400)
                    .entity(Map.of("detail", "Request was cancelled"))
                    .build();
        }
        if (request.fault() == FalQueue.Fault.REFUSE) {
            return Response.status(422)
                    .entity(Map.of(
                            "detail",
                            List.of(Map.of(
                                    "loc", List.of("body", "prompt"),
                                    "msg", "The prompt was flagged by the content policy checker.",
                                    "type", "content_policy_violation"))))
                    .build();
        }
        if (request.video()) {
            long size = queue.video(request).toFile().length();
            return Response.ok(Map.of(
                            "video",
                            Map.of(
                                    "url",
                                    base + "/files/" + request.id() + ".mp4",
                                    "content_type",
                                    "video/mp4",
                                    "file_name",
                                    request.id() + ".mp4",
                                    "file_size",
                                    size),
                            "seed",
                            request.seed()))
                    .build();
        }
        int[] size = GeneratedMedia.size(request.aspectRatio());
        return Response.ok(Map.of(
                        "images",
                        List.of(Map.of(
                                "url",
                                base + "/files/" + request.id() + ".jpg",
                                "width",
                                size[0],
                                "height",
                                size[1],
                                "content_type",
                                "image/jpeg")),
                        "seed",
                        request.seed(),
                        "has_nsfw_concepts",
                        List.of(false),
                        "prompt",
                        request.prompt()))
                .build();
    }

    @PUT
    @Path("/{model: .+}/requests/{id}/cancel")
    public Response cancel(
            @HeaderParam("Authorization") String authorization,
            @PathParam("model") String model,
            @PathParam("id") String id) {
        if (!queue.authorised(authorization)) {
            return unauthorised();
        }
        return queue.find(model, id)
                .map(request -> queue.cancel(request)
                        ? Response.accepted(Map.of("status", "CANCELLATION_REQUESTED"))
                                .build()
                        : Response.status(400)
                                .entity(Map.of("status", "ALREADY_COMPLETED"))
                                .build())
                .orElseGet(FalQueueResource::notFound);
    }

    @GET
    @Path("/files/{id}.mp4")
    @Produces("video/mp4")
    public Response video(@PathParam("id") String id) {
        return queue.submissions().stream()
                .filter(r -> r.id().equals(id) && r.video())
                .findFirst()
                .map(r -> Response.ok(queue.video(r).toFile()).build())
                .orElseGet(() -> Response.status(404).build());
    }

    @GET
    @Path("/files/{id}.jpg")
    @Produces("image/jpeg")
    public Response image(@PathParam("id") String id) {
        return queue.submissions().stream()
                .filter(r -> r.id().equals(id) && !r.video())
                .findFirst()
                .map(r -> Response.ok(queue.image(r)).build())
                .orElseGet(() -> Response.status(404).build());
    }

    private String requestUrl(FalQueue.Request request) {
        return base + "/" + FalQueue.app(request.model()) + "/requests/" + request.id();
    }

    /** fal's duration: a number, or text such as {@code "5"} or {@code "8s"}; 5 s when absent. */
    static double seconds(JsonNode input) {
        JsonNode duration = input.path("duration");
        if (duration.isNumber()) {
            return duration.asDouble();
        }
        if (duration.isTextual()) {
            return Double.parseDouble(duration.asText().replace("s", "").strip());
        }
        return 5;
    }

    /** {@code aspect_ratio} as sent, else fal's image sizes ({@code portrait_16_9}), else 16:9. */
    static String aspectRatio(JsonNode input) {
        if (input.path("aspect_ratio").isTextual()
                && input.path("aspect_ratio").asText().matches("\\d+:\\d+")) {
            return input.path("aspect_ratio").asText();
        }
        return switch (input.path("image_size").asText("")) {
            case "portrait_16_9" -> "9:16";
            case "portrait_4_3" -> "3:4";
            case "square", "square_hd" -> "1:1";
            case "landscape_4_3" -> "4:3";
            default -> "16:9";
        };
    }

    private static Response unauthorised() {
        return Response.status(401)
                .entity(Map.of("detail", "Missing or invalid authorization header"))
                .build();
    }

    private static Response notFound() {
        return Response.status(404)
                .entity(Map.of("detail", "Request not found"))
                .build();
    }
}
