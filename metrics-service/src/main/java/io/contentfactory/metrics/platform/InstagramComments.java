package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.platform.GraphTimestamp;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A post's comments from Instagram's Graph API: {@code GET /{media-id}/comments} lists the top-level comments newest
 * first, each with the first page of its {@code replies}; a comment with more replies is paged on through
 * {@code GET /{comment-id}/replies}. Pages are followed by their {@code after} cursor against our own base URL, never
 * by the {@code next} URL the answer carries.
 */
@ApplicationScoped
public class InstagramComments implements CommentsReader {

    static final String COMMENT_FIELDS = "id,text,username,like_count,timestamp,parent_id";
    static final String FIELDS = COMMENT_FIELDS + ",replies{" + COMMENT_FIELDS + "}";
    static final int PAGE_SIZE = 50;

    private final WebClient http;
    private final MetricsConfig.Instagram config;
    private final MetaRateLimits limits;

    InstagramComments(WebClient http, MetricsConfig config, MetaRateLimits limits) {
        this.http = http;
        this.config = config.instagram();
        this.limits = limits;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public Uni<CommentsFetch> newest(
            java.util.UUID projectId, String mediaId, String token, Instant since, int maxPages) {
        return limits.resting(token, Instant.now())
                .map(rest -> Uni.createFrom().<CommentsFetch>item(new CommentsFetch.Failed(rest.reason())))
                .orElseGet(() -> topLevel(new Walk(mediaId, token, since, maxPages), null));
    }

    /** The state of one look at a post's comments: what was found and how many calls are left. */
    private static final class Walk {
        final String mediaId;
        final String token;
        final Instant since;
        final List<PlatformComment> found = new ArrayList<>();
        int callsLeft;

        Walk(String mediaId, String token, Instant since, int maxPages) {
            this.mediaId = mediaId;
            this.token = token;
            this.since = since;
            this.callsLeft = maxPages;
        }

        CommentsFetch fetched(boolean complete) {
            return new CommentsFetch.Fetched(List.copyOf(found), complete);
        }
    }

    private Uni<CommentsFetch> topLevel(Walk walk, String after) {
        if (walk.callsLeft-- <= 0) {
            return Uni.createFrom().item(walk.fetched(false));
        }
        return get(walk.mediaId + "/comments", FIELDS, walk.token, after).chain(page -> {
            if (page.failure() != null) {
                return Uni.createFrom().item(new CommentsFetch.Failed(page.failure()));
            }
            List<Uni<Boolean>> morePages = new ArrayList<>();
            JsonArray data = page.body().getJsonArray("data", new JsonArray());
            for (int i = 0; i < data.size(); i++) {
                JsonObject comment = data.getJsonObject(i);
                PlatformComment parsed = comment(comment, null);
                if (parsed == null) {
                    continue;
                }
                if (walk.since != null && parsed.createdAt().isBefore(walk.since)) {
                    return repliesPaged(walk, morePages).map(done -> walk.fetched(done));
                }
                walk.found.add(parsed);
                JsonObject replies = comment.getJsonObject("replies");
                if (replies != null) {
                    addAll(walk, replies.getJsonArray("data", new JsonArray()), parsed.id());
                    String replyAfter = after(replies);
                    if (replyAfter != null) {
                        morePages.add(replies(walk, parsed.id(), replyAfter));
                    }
                }
            }
            String next = after(page.body());
            return repliesPaged(walk, morePages)
                    .chain(done ->
                            next == null || !done ? Uni.createFrom().item(walk.fetched(done)) : topLevel(walk, next));
        });
    }

    /** Runs the reply pagings one after another; true when every one reached its end within the budget. */
    private static Uni<Boolean> repliesPaged(Walk walk, List<Uni<Boolean>> pagings) {
        Uni<Boolean> all = Uni.createFrom().item(true);
        for (Uni<Boolean> paging : pagings) {
            all = all.chain(done -> paging.map(complete -> done && complete));
        }
        return all;
    }

    private Uni<Boolean> replies(Walk walk, String commentId, String after) {
        if (walk.callsLeft-- <= 0) {
            return Uni.createFrom().item(false);
        }
        return get(commentId + "/replies", COMMENT_FIELDS, walk.token, after).chain(page -> {
            if (page.failure() != null) {
                return Uni.createFrom().item(false);
            }
            addAll(walk, page.body().getJsonArray("data", new JsonArray()), commentId);
            String next = after(page.body());
            return next == null ? Uni.createFrom().item(true) : replies(walk, commentId, next);
        });
    }

    private static void addAll(Walk walk, JsonArray data, String parentId) {
        for (int i = 0; i < data.size(); i++) {
            PlatformComment reply = comment(data.getJsonObject(i), parentId);
            if (reply != null) {
                walk.found.add(reply);
            }
        }
    }

    /** One answer of the Graph API: its body, or why it is not usable. */
    record Page(JsonObject body, String failure) {}

    private Uni<Page> get(String path, String fields, String token, String after) {
        String url = config.baseUrl().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + path;
        HttpRequest<Buffer> request = http.getAbs(url)
                .addQueryParam("fields", fields)
                .addQueryParam("limit", String.valueOf(PAGE_SIZE))
                .addQueryParam("access_token", token)
                .timeout(config.timeout().toMillis());
        if (after != null) {
            request.addQueryParam("after", after);
        }
        return request.send()
                .map(response -> {
                    limits.observe(
                            token,
                            response.getHeader("X-Business-Use-Case-Usage"),
                            response.getHeader("X-App-Usage"),
                            Instant.now());
                    return page(response.statusCode(), response.bodyAsString());
                })
                .onFailure()
                .recoverWithItem(failure -> new Page(null, "instagram did not answer: " + failure));
    }

    static Page page(int status, String text) {
        JsonObject body = PlatformAnswer.json(text);
        if (status == 200 && body != null) {
            return new Page(body, null);
        }
        JsonObject error = body == null ? null : body.getJsonObject("error");
        return new Page(
                null,
                error == null
                        ? "instagram answered HTTP " + status
                        : "instagram error " + error.getInteger("code", 0) + ": " + error.getString("message", ""));
    }

    /** The cursor of the next page; null when the answer has no {@code next}, which is how Meta marks the last. */
    static String after(JsonObject listing) {
        JsonObject paging = listing.getJsonObject("paging");
        if (paging == null || paging.getString("next") == null) {
            return null;
        }
        JsonObject cursors = paging.getJsonObject("cursors");
        return cursors == null ? null : cursors.getString("after");
    }

    /** A comment as listed; null for one without an id or a readable time, which we cannot key or order. */
    static PlatformComment comment(JsonObject json, String parentId) {
        String id = json.getValue("id") == null ? null : String.valueOf(json.getValue("id"));
        Instant createdAt = GraphTimestamp.parse(json.getString("timestamp")).orElse(null);
        if (id == null || createdAt == null) {
            return null;
        }
        Object likes = json.getValue("like_count");
        String parent = json.getString("parent_id", parentId);
        return new PlatformComment(
                id,
                parent,
                json.getString("username"),
                json.getString("text", ""),
                likes instanceof Number number ? number.longValue() : null,
                createdAt);
    }
}
