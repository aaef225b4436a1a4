package io.contentfactory.sandbox.instagram;

import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments as the Graph API lists them: {@code data} newest first, only the {@code fields} asked for (Meta's default
 * is {@code id,text,timestamp}; {@code parent_id} exists only on replies, so it is absent, not null, on the others),
 * {@code replies{...}} expanded as a nested listing, and {@code paging} with opaque {@code cursors} and a {@code next}
 * URL that is absent on the last page.
 */
final class CommentListing {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 50;
    private static final List<String> DEFAULT_FIELDS = List.of("id", "text", "timestamp");

    private CommentListing() {}

    /** The post's top-level comments. */
    static Map<String, Object> topLevel(
            CommentThread thread, String fields, Integer limit, String after, UriInfo uri, Instant now) {
        Fields asked = Fields.parse(fields);
        long below = after == null ? Long.MAX_VALUE : index(after);
        List<CommentThread.Comment> page = thread.topLevel(now, below, size(limit));
        List<Map<String, Object>> data = new ArrayList<>();
        for (CommentThread.Comment comment : page) {
            Map<String, Object> json = render(comment, asked.own());
            if (asked.replies() != null) {
                json.put("replies", Map.of("data", render(thread.replies(comment.index(), now), asked.replies())));
            }
            data.add(json);
        }
        boolean more =
                !page.isEmpty() && CommentThread.hasTopLevelBelow(page.getLast().index());
        return listing(data, page, more, uri);
    }

    /** The replies to one top-level comment, oldest first as Meta lists them. */
    static Map<String, Object> replies(CommentThread thread, long parent, String fields, UriInfo uri, Instant now) {
        List<CommentThread.Comment> replies = thread.replies(parent, now);
        return listing(render(replies, Fields.parse(fields).own()), replies, false, uri);
    }

    private static Map<String, Object> listing(
            List<Map<String, Object>> data, List<CommentThread.Comment> page, boolean more, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        if (!page.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            String after = cursor(page.getLast().index());
            paging.put("cursors", Map.of("before", cursor(page.getFirst().index()), "after", after));
            if (more) {
                paging.put(
                        "next",
                        uri.getRequestUriBuilder()
                                .replaceQueryParam("after", after)
                                .build()
                                .toString());
            }
            body.put("paging", paging);
        }
        return body;
    }

    private static List<Map<String, Object>> render(List<CommentThread.Comment> comments, List<String> fields) {
        return new ArrayList<>(
                comments.stream().map(comment -> render(comment, fields)).toList());
    }

    private static Map<String, Object> render(CommentThread.Comment comment, List<String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String field : fields) {
            switch (field) {
                case "id" -> json.put("id", comment.id());
                case "text" -> json.put("text", comment.text());
                case "timestamp" -> json.put("timestamp", GraphTime.format(comment.timestamp()));
                case "username" -> json.put("username", comment.username());
                case "like_count" -> json.put("like_count", comment.likes());
                case "parent_id" -> {
                    if (comment.parentId() != null) {
                        json.put("parent_id", comment.parentId());
                    }
                }
                case "from" -> json.put("from", Map.of("id", "1789" + comment.index(), "username", comment.username()));
                default -> {}
            }
        }
        json.putIfAbsent("id", comment.id());
        return json;
    }

    private static int size(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static String cursor(long index) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("comment:" + index).getBytes(StandardCharsets.US_ASCII));
    }

    private static long index(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            return Long.parseLong(raw.substring("comment:".length()));
        } catch (RuntimeException notOurs) {
            throw new GraphError(400, "OAuthException", 100, null, "Invalid cursor: " + cursor);
        }
    }

    /** The fields asked for: the comment's own, and the nested replies' when {@code replies{...}} is asked. */
    record Fields(List<String> own, List<String> replies) {

        static Fields parse(String fields) {
            if (fields == null || fields.isBlank()) {
                return new Fields(DEFAULT_FIELDS, null);
            }
            List<String> own = new ArrayList<>();
            List<String> replies = null;
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : (fields + ",").toCharArray()) {
                if (c == ',' && depth == 0) {
                    String field = current.toString().strip();
                    current.setLength(0);
                    if (field.startsWith("replies")) {
                        int open = field.indexOf('{');
                        replies = open < 0
                                ? DEFAULT_FIELDS
                                : List.of(field.substring(open + 1, field.lastIndexOf('}'))
                                        .split(","));
                    } else if (!field.isEmpty()) {
                        own.add(field);
                    }
                    continue;
                }
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                current.append(c);
            }
            return new Fields(
                    own.stream().map(String::strip).toList(),
                    replies == null ? null : replies.stream().map(String::strip).toList());
        }
    }
}
