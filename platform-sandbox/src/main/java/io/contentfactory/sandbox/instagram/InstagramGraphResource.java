package io.contentfactory.sandbox.instagram;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.contentfactory.sandbox.common.MediaFetcher;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The content-publishing subset of the Instagram Graph API (Instagram API with Instagram Login):
 * create a container, poll its {@code status_code}, publish it with {@code media_publish}, read the media and
 * its insights. Parameters may come in the query string or a form body, as the real API accepts.
 */
@Path("/{version: v[0-9]+\\.[0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking // everything it reads and writes is in memory; the media fetch is asynchronous
public class InstagramGraphResource {

    private static final String PLATFORM = "instagram";

    private final InstagramSandbox sandbox;
    private final FaultInjector faults;
    private final MediaFetcher media;

    InstagramGraphResource(InstagramSandbox sandbox, FaultInjector faults, MediaFetcher media) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.media = media;
    }

    @POST
    @Path("/{accountId}/media")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Uni<Map<String, Object>> createContainer(
            @PathParam("accountId") String accountId, @Context UriInfo uri, String body) {
        MultivaluedMap<String, String> params = params(uri, body);
        sandbox.authorize(accountId, params.getFirst("access_token"));
        Optional<Fault> fault = faults.take(PLATFORM, accountId, "CREATE_CONTAINER");
        String mediaType = params.getFirst("media_type") == null ? "IMAGE" : params.getFirst("media_type");
        String forcedEnd = Faults.is(fault, Fault.ERROR) ? "ERROR" : Faults.is(fault, Fault.EXPIRED) ? "EXPIRED" : null;
        if ("CAROUSEL".equals(mediaType)) {
            String children = params.getFirst("children");
            if (children == null || children.isBlank()) {
                throw GraphError.missingParameter("children");
            }
            return Faults.apply(
                    fault,
                    () -> Uni.createFrom()
                            .item(Map.<String, Object>of(
                                    "id",
                                    sandbox.createCarousel(
                                                    accountId,
                                                    List.of(children.split(",")),
                                                    params.getFirst("caption"),
                                                    forcedEnd)
                                            .id())),
                    GraphError::forFault);
        }
        boolean carouselItem = "true".equals(params.getFirst("is_carousel_item"));
        String url = "IMAGE".equals(mediaType) ? params.getFirst("image_url") : params.getFirst("video_url");
        if (url == null || url.isBlank()) {
            throw GraphError.missingParameter("IMAGE".equals(mediaType) ? "image_url" : "video_url");
        }
        return Faults.apply(
                fault,
                () -> fetch(url).map(response -> {
                    checkMedia(mediaType, response);
                    InstagramSandbox.Container container = carouselItem
                            ? sandbox.createCarouselItem(accountId, mediaType, url, forcedEnd)
                            : sandbox.createContainer(accountId, mediaType, url, params.getFirst("caption"), forcedEnd);
                    return Map.<String, Object>of("id", container.id());
                }),
                GraphError::forFault);
    }

    @POST
    @Path("/{accountId}/media_publish")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Uni<Map<String, Object>> publish(
            @PathParam("accountId") String accountId, @Context UriInfo uri, String body) {
        MultivaluedMap<String, String> params = params(uri, body);
        sandbox.authorize(accountId, params.getFirst("access_token"));
        Optional<Fault> fault = faults.take(PLATFORM, accountId, "PUBLISH");
        String creationId = params.getFirst("creation_id");
        if (creationId == null) {
            throw GraphError.missingParameter("creation_id");
        }
        return Faults.apply(
                fault,
                () -> Uni.createFrom()
                        .item(Map.<String, Object>of(
                                "id", sandbox.publish(accountId, creationId).id())),
                GraphError::forFault);
    }

    /** The account's media, newest first, as {@code GET /{ig-user-id}/media} lists them. */
    @GET
    @Path("/{accountId}/media")
    public Uni<Map<String, Object>> listMedia(
            @PathParam("accountId") String accountId, @QueryParam("access_token") String token) {
        sandbox.authorize(accountId, token);
        return Faults.apply(
                faults.take(PLATFORM, accountId, "LIST_MEDIA"),
                () -> {
                    List<Map<String, Object>> data = new ArrayList<>();
                    sandbox.mediaOf(accountId).forEach(media -> data.add(mediaFields(media)));
                    return Uni.createFrom().item(Map.<String, Object>of("data", data));
                },
                GraphError::forFault);
    }

    /** The account's rolling 24 h publishing quota, as {@code GET /{ig-user-id}/content_publishing_limit} answers. */
    @GET
    @Path("/{accountId}/content_publishing_limit")
    public Map<String, Object> publishingLimit(
            @PathParam("accountId") String accountId, @QueryParam("access_token") String token) {
        sandbox.authorize(accountId, token);
        return Map.of(
                "data",
                List.of(Map.of(
                        "quota_usage", sandbox.publishedInLastDay(accountId),
                        "config", Map.of("quota_total", sandbox.publishLimit(accountId), "quota_duration", 86400))));
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> read(
            @PathParam("id") String id, @QueryParam("fields") String fields, @QueryParam("access_token") String token) {
        sandbox.authorizeRead(token);
        Optional<Fault> fault =
                sandbox.container(id).flatMap(container -> faults.take(PLATFORM, container.accountId(), "STATUS"));
        return Faults.apply(
                fault,
                () -> {
                    Map<String, Object> all = sandbox.container(id)
                            .map(this::containerFields)
                            .or(() -> sandbox.media(id).map(this::mediaFields))
                            .orElseThrow(() -> GraphError.unknownObject(id));
                    return Uni.createFrom().item(select(all, fields));
                },
                GraphError::forFault);
    }

    @GET
    @Path("/{id}/insights")
    public Uni<RestResponse<Map<String, Object>>> insights(
            @PathParam("id") String id,
            @QueryParam("metric") String metrics,
            @QueryParam("access_token") String token) {
        sandbox.authorizeRead(token);
        InstagramSandbox.PublishedMedia published = sandbox.media(id).orElseThrow(() -> GraphError.unknownObject(id));
        InstagramSandbox.Usage usage = budgeted(published.accountId());
        // A fault may be armed for one post (its media id in the arming's accountId) or for the whole account.
        return Faults.apply(
                        faults.take(PLATFORM, published.id(), "INSIGHTS")
                                .or(() -> faults.take(PLATFORM, published.accountId(), "INSIGHTS")),
                        () -> Uni.createFrom().item(insightsOf(published, metrics)),
                        GraphError::forFault)
                .map(body -> RestResponse.ResponseBuilder.ok(body)
                        .header(GraphError.USAGE_HEADER, GraphError.usageHeader(published.accountId(), usage))
                        .build());
    }

    /** Counts a read call against the account's budget; over it, 80002. */
    private InstagramSandbox.Usage budgeted(String accountId) {
        InstagramSandbox.Usage usage = sandbox.read(accountId);
        if (usage.over()) {
            throw GraphError.overBudget(accountId, usage);
        }
        return usage;
    }

    private Map<String, Object> insightsOf(InstagramSandbox.PublishedMedia published, String metrics) {
        String id = published.id();
        if (metrics == null || metrics.isBlank()) {
            throw GraphError.missingParameter("metric");
        }
        Instant now = Instant.now();
        Map<String, Long> values = published.insights(now);
        for (String metric : metrics.split(",")) {
            if (!values.containsKey(metric.trim())) {
                throw new GraphError(
                        400,
                        "OAuthException",
                        100,
                        2108006,
                        "(#100) The Media Insights API does not support the " + metric.trim()
                                + " metric for this media product type.");
            }
        }
        List<Map<String, Object>> data = new ArrayList<>();
        if (sandbox.insightsReady(published, now)) {
            for (String metric : metrics.split(",")) {
                data.add(Map.of(
                        "name",
                        metric.trim(),
                        "period",
                        "lifetime",
                        "values",
                        List.of(Map.of("value", values.get(metric.trim()))),
                        "title",
                        metric.trim(),
                        "id",
                        id + "/insights/" + metric.trim() + "/lifetime"));
            }
        }
        return Map.of("data", data);
    }

    /** The post's top-level comments, newest first ({@link CommentListing}, {@link CommentThread}). */
    @GET
    @Path("/{id}/comments")
    public Map<String, Object> comments(
            @PathParam("id") String id,
            @QueryParam("fields") String fields,
            @QueryParam("limit") Integer limit,
            @QueryParam("after") String after,
            @QueryParam("access_token") String token,
            @Context UriInfo uri) {
        sandbox.authorizeRead(token);
        InstagramSandbox.PublishedMedia published = sandbox.media(id).orElseThrow(() -> GraphError.unknownObject(id));
        budgeted(published.accountId());
        return CommentListing.topLevel(new CommentThread(published), fields, limit, after, uri, Instant.now());
    }

    /** The replies to a top-level comment; a reply has none of its own, as on Instagram. */
    @GET
    @Path("/{id}/replies")
    public Map<String, Object> replies(
            @PathParam("id") String id,
            @QueryParam("fields") String fields,
            @QueryParam("access_token") String token,
            @Context UriInfo uri) {
        sandbox.authorizeRead(token);
        Instant now = Instant.now();
        CommentThread.Located comment = CommentThread.locate(id)
                .filter(found -> !CommentThread.isReply(found.index()))
                .orElseThrow(() -> GraphError.unknownObject(id));
        CommentThread thread =
                new CommentThread(sandbox.media(comment.mediaId()).orElseThrow(() -> GraphError.unknownObject(id)));
        if (comment.index() > thread.count(now)) {
            throw GraphError.unknownObject(id);
        }
        return CommentListing.replies(thread, comment.index(), fields, uri, now);
    }

    private Map<String, Object> containerFields(InstagramSandbox.Container container) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", container.id());
        String status = container.status(Instant.now());
        fields.put("status_code", status);
        fields.put(
                "status",
                status.equals("FINISHED") || status.equals("PUBLISHED")
                        ? "Finished: Media has been uploaded and it is ready to be published."
                        : status);
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
        fields.put("timestamp", GraphTime.format(media.timestamp()));
        fields.put("username", media.accountId());
        Map<String, Long> insights = media.insights(Instant.now());
        fields.put("comments_count", insights.get("comments"));
        fields.put("like_count", insights.get("likes"));
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
        return media.fetch(url)
                .onFailure(MediaFetcher.FetchFailed.class)
                .transform(failure -> GraphError.mediaFetchFailed(failure.getMessage()));
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
            throw new GraphError(
                    400,
                    "OAuthException",
                    352,
                    2207026,
                    "The video format is not supported: " + contentType + ". Supported formats are MOV and MP4");
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
