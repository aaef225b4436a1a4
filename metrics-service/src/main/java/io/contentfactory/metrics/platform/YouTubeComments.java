package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.CommentsFetch;
import io.contentfactory.metrics.domain.PlatformComment;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A video's comments from the Data API's {@code commentThreads.list} ({@code order=time}, newest thread first, 100 a
 * page, each with the replies YouTube includes), paged by {@code nextPageToken} until a thread older than the newest
 * stored comment. Every page costs one quota unit of the project's day ({@link YouTubeQuota}).
 */
@ApplicationScoped
public class YouTubeComments implements CommentsReader {

    static final int PAGE_SIZE = 100;

    private final WebClient http;
    private final MetricsConfig.YouTube config;
    private final YouTubeQuota quota;

    YouTubeComments(WebClient http, MetricsConfig config, YouTubeQuota quota) {
        this.http = http;
        this.config = config.youtube();
        this.quota = quota;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public Uni<CommentsFetch> newest(UUID projectId, String videoId, String token, Instant since, int maxPages) {
        return page(new Walk(projectId, videoId, token, since, maxPages), null);
    }

    private static final class Walk {
        final UUID projectId;
        final String videoId;
        final String token;
        final Instant since;
        final List<PlatformComment> found = new ArrayList<>();
        int callsLeft;

        Walk(UUID projectId, String videoId, String token, Instant since, int maxPages) {
            this.projectId = projectId;
            this.videoId = videoId;
            this.token = token;
            this.since = since;
            this.callsLeft = maxPages;
        }

        CommentsFetch fetched(boolean complete) {
            return new CommentsFetch.Fetched(List.copyOf(found), complete);
        }
    }

    private Uni<CommentsFetch> page(Walk walk, String pageToken) {
        Instant now = Instant.now();
        if (walk.callsLeft-- <= 0) {
            return Uni.createFrom().item(walk.fetched(false));
        }
        if (!quota.spend(walk.projectId, 1, now)) {
            return Uni.createFrom()
                    .item(
                            walk.found.isEmpty()
                                    ? new CommentsFetch.Failed(quota.refusal(walk.projectId, now))
                                    : walk.fetched(false));
        }
        HttpRequest<Buffer> request = http.getAbs(
                        config.dataBaseUrl().replaceAll("/+$", "") + "/youtube/v3/commentThreads")
                .addQueryParam("part", "snippet,replies")
                .addQueryParam("videoId", walk.videoId)
                .addQueryParam("order", "time")
                .addQueryParam("textFormat", "plainText")
                .addQueryParam("maxResults", String.valueOf(PAGE_SIZE))
                .putHeader("Authorization", "Bearer " + walk.token)
                .timeout(config.timeout().toMillis());
        if (pageToken != null) {
            request.addQueryParam("pageToken", pageToken);
        }
        return request.send()
                .map(response -> {
                    JsonObject body = PlatformAnswer.json(response.bodyAsString());
                    if (response.statusCode() != 200 || body == null) {
                        return new Page(null, failure(response.statusCode(), body));
                    }
                    return new Page(body, null);
                })
                .onFailure()
                .recoverWithItem(failure -> new Page(null, "youtube did not answer: " + failure))
                .chain(page -> {
                    if (page.failure() != null) {
                        return Uni.createFrom()
                                .item(
                                        walk.found.isEmpty()
                                                ? new CommentsFetch.Failed(page.failure())
                                                : walk.fetched(false));
                    }
                    boolean reachedStored = addThreads(walk, page.body().getJsonArray("items", new JsonArray()));
                    String next = page.body().getString("nextPageToken");
                    return reachedStored || next == null ? Uni.createFrom().item(walk.fetched(true)) : page(walk, next);
                });
    }

    private record Page(JsonObject body, String failure) {}

    /** Adds the page's threads down to the first one older than the newest stored; true when it met that one. */
    private static boolean addThreads(Walk walk, JsonArray threads) {
        for (int i = 0; i < threads.size(); i++) {
            JsonObject thread = threads.getJsonObject(i);
            PlatformComment top = comment(thread.getJsonObject("snippet", new JsonObject())
                    .getJsonObject("topLevelComment", new JsonObject()));
            if (top == null) {
                continue;
            }
            if (walk.since != null && top.createdAt().isBefore(walk.since)) {
                return true;
            }
            walk.found.add(top);
            JsonArray replies =
                    thread.getJsonObject("replies", new JsonObject()).getJsonArray("comments", new JsonArray());
            for (int r = 0; r < replies.size(); r++) {
                PlatformComment reply = comment(replies.getJsonObject(r));
                if (reply != null) {
                    walk.found.add(reply);
                }
            }
        }
        return false;
    }

    /** A comment resource; null for one without an id or a readable time, which we cannot key or order. */
    static PlatformComment comment(JsonObject resource) {
        JsonObject snippet = resource.getJsonObject("snippet");
        String id = resource.getString("id");
        if (snippet == null || id == null) {
            return null;
        }
        Instant publishedAt;
        try {
            publishedAt = Instant.parse(snippet.getString("publishedAt", ""));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
        Object likes = snippet.getValue("likeCount");
        return new PlatformComment(
                id,
                snippet.getString("parentId"),
                snippet.getString("authorDisplayName"),
                snippet.getString("textOriginal", snippet.getString("textDisplay", "")),
                likes instanceof Number number ? number.longValue() : null,
                publishedAt);
    }

    private static String failure(int status, JsonObject body) {
        JsonObject error = body == null ? null : body.getJsonObject("error");
        return "youtube answered HTTP " + status + (error == null ? "" : ": " + error.getString("message", ""));
    }
}
