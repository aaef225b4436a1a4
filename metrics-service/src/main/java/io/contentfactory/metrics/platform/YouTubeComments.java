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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A video's comments from the Data API's {@code commentThreads.list} ({@code order=time}, newest thread first, 100 a
 * page, each with the replies YouTube includes), paged by {@code nextPageToken} until a thread older than the newest
 * stored comment. A thread carries only some of its replies ({@code totalReplyCount} says how many it has): the rest
 * are read through {@code comments.list} by {@code parentId}, 100 a page. Every page of either costs one quota unit
 * of the project's day ({@link YouTubeQuota}) and one of the look's calls.
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
        final Set<String> ids = new HashSet<>();
        int callsLeft;

        Walk(UUID projectId, String videoId, String token, Instant since, int maxPages) {
            this.projectId = projectId;
            this.videoId = videoId;
            this.token = token;
            this.since = since;
            this.callsLeft = maxPages;
        }

        void add(PlatformComment comment) {
            if (ids.add(comment.id())) {
                found.add(comment);
            }
        }

        CommentsFetch fetched(boolean complete) {
            return new CommentsFetch.Fetched(List.copyOf(found), complete);
        }
    }

    private Uni<CommentsFetch> page(Walk walk, String pageToken) {
        if (walk.callsLeft <= 0) {
            return Uni.createFrom().item(walk.fetched(false));
        }
        HttpRequest<Buffer> request = get(walk, "/youtube/v3/commentThreads")
                .addQueryParam("part", "snippet,replies")
                .addQueryParam("videoId", walk.videoId)
                .addQueryParam("order", "time")
                .addQueryParam("textFormat", "plainText");
        return call(walk, request, pageToken).chain(page -> {
            if (page.failure() != null) {
                return Uni.createFrom().item(stopped(walk, page.failure()));
            }
            Threads threads = addThreads(walk, page.body().getJsonArray("items", new JsonArray()));
            String next = page.body().getString("nextPageToken");
            return replies(walk, threads.withMoreReplies(), 0, null).chain(complete -> {
                if (!complete) {
                    return Uni.createFrom().item(walk.fetched(false));
                }
                return threads.reachedStored() || next == null
                        ? Uni.createFrom().item(walk.fetched(true))
                        : page(walk, next);
            });
        });
    }

    /**
     * The replies of {@code threads} from the {@code at}-th on that their listing did not include; true when all
     * were read, false when the look ran out of calls or a call failed (what was read is kept).
     */
    private Uni<Boolean> replies(Walk walk, List<String> threads, int at, String pageToken) {
        if (at == threads.size()) {
            return Uni.createFrom().item(true);
        }
        HttpRequest<Buffer> request = get(walk, "/youtube/v3/comments")
                .addQueryParam("part", "snippet")
                .addQueryParam("parentId", threads.get(at))
                .addQueryParam("textFormat", "plainText");
        return call(walk, request, pageToken).chain(page -> {
            if (page.failure() != null) {
                return Uni.createFrom().item(false);
            }
            JsonArray items = page.body().getJsonArray("items", new JsonArray());
            for (int i = 0; i < items.size(); i++) {
                PlatformComment reply = comment(items.getJsonObject(i));
                if (reply != null) {
                    walk.add(reply);
                }
            }
            String next = page.body().getString("nextPageToken");
            return next != null ? replies(walk, threads, at, next) : replies(walk, threads, at + 1, null);
        });
    }

    private HttpRequest<Buffer> get(Walk walk, String path) {
        return http.getAbs(config.dataBaseUrl().replaceAll("/+$", "") + path)
                .addQueryParam("maxResults", String.valueOf(PAGE_SIZE))
                .putHeader("Authorization", "Bearer " + walk.token)
                .timeout(config.timeout().toMillis());
    }

    /** One page, if the look has a call and the project a quota unit left; else a page that says why not. */
    private Uni<Page> call(Walk walk, HttpRequest<Buffer> request, String pageToken) {
        Instant now = Instant.now();
        if (walk.callsLeft-- <= 0) {
            return Uni.createFrom().item(new Page(null, "out of calls for this look"));
        }
        if (!quota.spend(walk.projectId, 1, now)) {
            return Uni.createFrom().item(new Page(null, quota.refusal(walk.projectId, now)));
        }
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
                .recoverWithItem(failure -> new Page(null, "youtube did not answer: " + failure));
    }

    /** What a look that stopped early came to: what it read so far, or the reason when it read nothing. */
    private static CommentsFetch stopped(Walk walk, String reason) {
        return walk.found.isEmpty() ? new CommentsFetch.Failed(reason) : walk.fetched(false);
    }

    private record Page(JsonObject body, String failure) {}

    /** What a page of threads came to: whether it met the newest stored one, and the threads with replies left out. */
    private record Threads(boolean reachedStored, List<String> withMoreReplies) {}

    /** Adds the page's threads down to the first one older than the newest stored. */
    private static Threads addThreads(Walk walk, JsonArray threads) {
        List<String> withMoreReplies = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            JsonObject thread = threads.getJsonObject(i);
            JsonObject snippet = thread.getJsonObject("snippet", new JsonObject());
            PlatformComment top = comment(snippet.getJsonObject("topLevelComment", new JsonObject()));
            if (top == null) {
                continue;
            }
            if (walk.since != null && top.createdAt().isBefore(walk.since)) {
                return new Threads(true, withMoreReplies);
            }
            walk.add(top);
            JsonArray replies =
                    thread.getJsonObject("replies", new JsonObject()).getJsonArray("comments", new JsonArray());
            for (int r = 0; r < replies.size(); r++) {
                PlatformComment reply = comment(replies.getJsonObject(r));
                if (reply != null) {
                    walk.add(reply);
                }
            }
            if (snippet.getLong("totalReplyCount", 0L) > replies.size()) {
                withMoreReplies.add(top.id());
            }
        }
        return new Threads(false, withMoreReplies);
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
