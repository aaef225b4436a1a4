package io.contentfactory.sandbox.instagram;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content-publishing subset of the Instagram Graph API (Instagram API with Instagram Login):
 * create a container, poll its {@code status_code}, publish it with {@code media_publish}, read the media and
 * its insights. Parameters may come in the query string or a form body, as the real API accepts.
 */
@Path("/{version: v[0-9]+\\.[0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
public class InstagramGraphResource {

    private final InstagramSandbox sandbox;
    private final FaultInjector faults;
    private final WebClient http;

    InstagramGraphResource(InstagramSandbox sandbox, FaultInjector faults, Vertx vertx) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.http = WebClient.create(vertx);
    }

    @POST
    @Path("/{accountId}/media")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Uni<Map<String, Object>> createContainer(@PathParam("accountId") String accountId, @Context UriInfo uri, String body) {
        MultivaluedMap<String, String> params = params(uri, body);
        sandbox.authorize(accountId, params.getFirst("access_token"));
        boolean late = faults.answerLate(accountId, FaultInjector.Operation.CREATE_CONTAINER);
        String mediaType = params.getFirst("media_type") == null ? "IMAGE" : params.getFirst("media_type");
        String url = "IMAGE".equals(mediaType) ? params.getFirst("image_url") : params.getFirst("video_url");
        if (url == null || url.isBlank()) {
            throw GraphError.missingParameter("IMAGE".equals(mediaType) ? "image_url" : "video_url");
        }
        Uni<Map<String, Object>> created = fetch(url).map(response -> {
            checkMedia(mediaType, response);
            InstagramSandbox.Container container = sandbox.createContainer(accountId, mediaType, url, params.getFirst("caption"));
            return Map.of("id", container.id());
        });
        return late ? created.onItem().delayIt().by(FaultInjector.LATE_ANSWER) : created;
    }

    @POST
    @Path("/{accountId}/media_publish")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Uni<Map<String, Object>> publish(@PathParam("accountId") String accountId, @Context UriInfo uri, String body) {
        MultivaluedMap<String, String> params = params(uri, body);
        sandbox.authorize(accountId, params.getFirst("access_token"));
        boolean late = faults.answerLate(accountId, FaultInjector.Operation.PUBLISH);
        String creationId = params.getFirst("creation_id");
        if (creationId == null) {
            throw GraphError.missingParameter("creation_id");
        }
        Uni<Map<String, Object>> published = Uni.createFrom().item(Map.of("id", sandbox.publish(accountId, creationId).id()));
        return late ? published.onItem().delayIt().by(FaultInjector.LATE_ANSWER) : published;
    }

    /** The account's media, newest first, as {@code GET /{ig-user-id}/media} lists them. */
    @GET
    @Path("/{accountId}/media")
    public Map<String, Object> listMedia(@PathParam("accountId") String accountId, @QueryParam("access_token") String token) {
        sandbox.authorize(accountId, token);
        List<Map<String, Object>> data = new ArrayList<>();
        sandbox.allMedia().stream().filter(media -> media.accountId().equals(accountId))
                .sorted(java.util.Comparator.comparing(InstagramSandbox.PublishedMedia::timestamp).reversed())
                .forEach(media -> data.add(mediaFields(media)));
        return Map.of("data", data);
    }

    /** The account's rolling 24 h publishing quota, as {@code GET /{ig-user-id}/content_publishing_limit} answers. */
    @GET
    @Path("/{accountId}/content_publishing_limit")
    public Map<String, Object> publishingLimit(@PathParam("accountId") String accountId, @QueryParam("access_token") String token) {
        sandbox.authorize(accountId, token);
        return Map.of("data", List.of(Map.of(
                "quota_usage", sandbox.publishedInLastDay(accountId),
                "config", Map.of("quota_total", sandbox.publishLimit(accountId), "quota_duration", 86400))));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> read(@PathParam("id") String id, @QueryParam("fields") String fields,
            @QueryParam("access_token") String token) {
        sandbox.authorizeRead(token);
        Map<String, Object> all = sandbox.container(id).map(this::containerFields)
                .or(() -> sandbox.media(id).map(this::mediaFields))
                .orElseThrow(() -> GraphError.unknownObject(id));
        return select(all, fields);
    }

    @GET
    @Path("/{id}/insights")
    public Map<String, Object> insights(@PathParam("id") String id, @QueryParam("metric") String metrics,
            @QueryParam("access_token") String token) {
        sandbox.authorizeRead(token);
        InstagramSandbox.PublishedMedia published = sandbox.media(id).orElseThrow(() -> GraphError.unknownObject(id));
        if (metrics == null || metrics.isBlank()) {
            throw GraphError.missingParameter("metric");
        }
        Map<String, Long> values = published.insights(Instant.now());
        List<Map<String, Object>> data = new ArrayList<>();
        for (String metric : metrics.split(",")) {
            Long value = values.get(metric.trim());
            if (value == null) {
                throw new GraphError(400, "OAuthException", 100, 2108006, "metric[0] must be one of the following values: " + String.join(", ", values.keySet()));
            }
            data.add(Map.of("name", metric.trim(), "period", "lifetime", "values", List.of(Map.of("value", value)),
                    "id", id + "/insights/" + metric.trim() + "/lifetime"));
        }
        return Map.of("data", data);
    }

    private Map<String, Object> containerFields(InstagramSandbox.Container container) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", container.id());
        String status = container.status(Instant.now());
        fields.put("status_code", status);
        fields.put("status", status.equals("FINISHED") || status.equals("PUBLISHED") ? "Finished: Media has been uploaded and it is ready to be published." : status);
        return fields;
    }

    private Map<String, Object> mediaFields(InstagramSandbox.PublishedMedia media) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", media.id());
        fields.put("media_type", "REELS".equals(media.mediaType()) ? "VIDEO" : media.mediaType());
        fields.put("media_product_type", "REELS".equals(media.mediaType()) ? "REELS" : "FEED");
        fields.put("caption", media.caption());
        fields.put("permalink", media.permalink());
        fields.put("shortcode", media.shortcode());
        fields.put("media_url", media.mediaUrl());
        fields.put("timestamp", media.timestamp().toString());
        fields.put("username", media.accountId());
        return fields;
    }

    private static Map<String, Object> select(Map<String, Object> all, String fields) {
        if (fields == null || fields.isBlank()) {
            return Map.of("id", all.get("id"));
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        selected.put("id", all.get("id"));
        for (String field : fields.split(",")) {
            if (all.containsKey(field.trim())) {
                selected.put(field.trim(), all.get(field.trim()));
            }
        }
        return selected;
    }

    private Uni<HttpResponse<Buffer>> fetch(String url) {
        return Uni.createFrom().deferred(() -> http.getAbs(url).timeout(10_000).send())
                .onFailure().transform(failure -> GraphError.mediaFetchFailed(url + " (" + failure.getMessage() + ")"))
                .ifNoItem().after(Duration.ofSeconds(15)).failWith(() -> GraphError.mediaFetchFailed(url + " (timeout)"));
    }

    private static void checkMedia(String mediaType, HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            throw GraphError.mediaFetchFailed("HTTP " + response.statusCode());
        }
        String contentType = String.valueOf(response.getHeader("Content-Type"));
        if ("IMAGE".equals(mediaType) && !contentType.startsWith("image/jpeg")) {
            throw GraphError.unsupportedImageFormat(contentType);
        }
        if (!"IMAGE".equals(mediaType) && !contentType.startsWith("video/")) {
            throw GraphError.mediaFetchFailed("Only photo or video can be accepted as media type, got " + contentType);
        }
    }

    private static MultivaluedMap<String, String> params(UriInfo uri, String body) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uri.getQueryParameters());
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.add(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
