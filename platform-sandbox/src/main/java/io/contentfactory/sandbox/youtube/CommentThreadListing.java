package io.contentfactory.sandbox.youtube;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of {@code commentThreads.list} and of {@code comments.list} by {@code parentId}, in the Data API's shape. A
 * thread carries at most {@link #INCLUDED_REPLIES} of its replies, as YouTube's does; {@code totalReplyCount} counts
 * them all, and {@code comments.list} pages through them.
 */
final class CommentThreadListing {

    /** How many of a thread's replies {@code commentThreads.list} includes with it. */
    static final int INCLUDED_REPLIES = 5;

    private CommentThreadListing() {}

    /** A page of a thread's replies, oldest first, from reply number {@code pageToken} on. */
    static Map<String, Object> replies(
            VideoComments comments, long thread, int maxResults, String pageToken, Instant now) {
        List<VideoComments.Comment> all = comments.replies(thread, now);
        int from = pageToken == null || pageToken.isBlank() ? 0 : (int) index(pageToken, "reply:");
        List<VideoComments.Comment> page =
                all.subList(Math.min(from, all.size()), Math.min(from + maxResults, all.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "youtube#commentListResponse");
        answer.put("etag", "sandbox-" + thread + "-" + all.size());
        if (from + maxResults < all.size()) {
            answer.put("nextPageToken", token("reply:", from + maxResults));
        }
        answer.put("pageInfo", Map.of("totalResults", page.size(), "resultsPerPage", maxResults));
        answer.put("items", page.stream().map(CommentThreadListing::comment).toList());
        return answer;
    }

    static Map<String, Object> page(
            VideoComments comments, boolean withReplies, int maxResults, String pageToken, Instant now) {
        long from = pageToken == null || pageToken.isBlank() ? Long.MAX_VALUE : index(pageToken, "thread:");
        List<VideoComments.Comment> threads = comments.threads(now, from, maxResults);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", "youtube#commentThreadListResponse");
        page.put("etag", "sandbox-" + comments.count(now));
        if (!threads.isEmpty()) {
            VideoComments.threadBelow(threads.getLast().index())
                    .ifPresent(next -> page.put("nextPageToken", token("thread:", next)));
        }
        page.put("pageInfo", Map.of("totalResults", threads.size(), "resultsPerPage", maxResults));
        page.put(
                "items",
                threads.stream()
                        .map(thread -> thread(comments, thread, withReplies, now))
                        .toList());
        return page;
    }

    private static Map<String, Object> thread(
            VideoComments comments, VideoComments.Comment top, boolean withReplies, Instant now) {
        List<VideoComments.Comment> replies = comments.replies(top.index(), now);
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("channelId", "UCsandbox");
        snippet.put("videoId", comments.videoId());
        snippet.put("topLevelComment", comment(top));
        snippet.put("canReply", true);
        snippet.put("totalReplyCount", replies.size());
        snippet.put("isPublic", true);
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("kind", "youtube#commentThread");
        thread.put("etag", "sandbox-" + top.id());
        thread.put("id", top.id());
        thread.put("snippet", snippet);
        if (withReplies && !replies.isEmpty()) {
            thread.put(
                    "replies",
                    Map.of(
                            "comments",
                            replies.stream()
                                    .limit(INCLUDED_REPLIES)
                                    .map(CommentThreadListing::comment)
                                    .toList()));
        }
        return thread;
    }

    static Map<String, Object> comment(VideoComments.Comment comment) {
        String at = comment.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("channelId", "UCsandbox");
        snippet.put("textDisplay", comment.text());
        snippet.put("textOriginal", comment.text());
        if (comment.parentId() != null) {
            snippet.put("parentId", comment.parentId());
        }
        snippet.put("authorDisplayName", comment.authorDisplayName());
        snippet.put("authorChannelUrl", "http://www.youtube.com/" + comment.authorDisplayName());
        snippet.put("authorChannelId", Map.of("value", comment.authorChannelId()));
        snippet.put("canRate", true);
        snippet.put("viewerRating", "none");
        snippet.put("likeCount", comment.likes());
        snippet.put("publishedAt", at);
        snippet.put("updatedAt", at);
        return Map.of(
                "kind", "youtube#comment", "etag", "sandbox-" + comment.id(), "id", comment.id(), "snippet", snippet);
    }

    private static String token(String kind, long index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + index).getBytes(StandardCharsets.UTF_8));
    }

    private static long index(String token, String kind) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(kind)) {
                throw new IllegalArgumentException(token);
            }
            return Long.parseLong(decoded.substring(kind.length()));
        } catch (IllegalArgumentException notOurs) {
            throw new GoogleError(400, "invalidPageToken", "youtube.parameter", "The page token is not valid.");
        }
    }
}
