package io.contentfactory.sandbox.instagram;

import io.contentfactory.sandbox.common.CommentCorpus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The comments of one published post, derived from its insights so that they are deterministic and stable: comment
 * {@code i} arrives when the post's {@code comments} insight first reaches {@code i}, and keeps its id, text, author,
 * likes and time on every read. Every fourth comment is a reply to the one before it; the rest are top-level. Texts
 * come from {@link CommentCorpus}, each with a known sentiment label.
 */
final class CommentThread {

    /** Comment ids are 17-digit strings, as Instagram's are; each encodes its post and its index. */
    private static final long COMMENT_ID_BASE = 17_900_000_000_000_000L;

    private static final long MEDIA_ID_BASE = 17_841_000_000_000_000L;
    private static final long PER_MEDIA = 1_000_000L;

    /** One comment of the thread. */
    record Comment(
            String id,
            long index,
            String parentId,
            String username,
            String text,
            String label,
            long likes,
            Instant timestamp) {}

    private final InstagramSandbox.PublishedMedia media;

    CommentThread(InstagramSandbox.PublishedMedia media) {
        this.media = media;
    }

    static String commentId(String mediaId, long index) {
        return Long.toString(COMMENT_ID_BASE + (Long.parseLong(mediaId) - MEDIA_ID_BASE) * PER_MEDIA + index);
    }

    /** The post's id and the comment's index behind a comment id; empty for an id that is not one of ours. */
    static Optional<Located> locate(String commentId) {
        try {
            long offset = Long.parseLong(commentId) - COMMENT_ID_BASE;
            if (offset <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Located(Long.toString(MEDIA_ID_BASE + offset / PER_MEDIA), offset % PER_MEDIA));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    record Located(String mediaId, long index) {}

    /** How many comments the post has now. */
    long count(Instant now) {
        return media.insights(now).get("comments");
    }

    static boolean isReply(long index) {
        return index % 4 == 0;
    }

    /** The top-level comments existing at {@code now}, newest first, below {@code beforeIndex} when given. */
    List<Comment> topLevel(Instant now, long beforeIndex, int limit) {
        java.util.ArrayList<Comment> page = new java.util.ArrayList<>();
        for (long i = Math.min(count(now), beforeIndex - 1); i >= 1 && page.size() < limit; i--) {
            if (!isReply(i)) {
                page.add(comment(i));
            }
        }
        return page;
    }

    /** Whether a top-level comment older than {@code index} exists. */
    static boolean hasTopLevelBelow(long index) {
        for (long i = index - 1; i >= 1; i--) {
            if (!isReply(i)) {
                return true;
            }
        }
        return false;
    }

    /** The replies to top-level comment {@code parent} existing at {@code now}, oldest first. */
    List<Comment> replies(long parent, Instant now) {
        long reply = parent + 1;
        return isReply(reply) && reply <= count(now) ? List.of(comment(reply)) : List.of();
    }

    Comment comment(long index) {
        CommentCorpus.Line line =
                CommentCorpus.line(media.id(), index, media.engagement().positiveShare());
        return new Comment(
                commentId(media.id(), index),
                index,
                isReply(index) ? commentId(media.id(), index - 1) : null,
                "viewer_" + (index * 7919 % 1000),
                line.text(),
                line.label(),
                index % 5,
                arrival(index));
    }

    /** When comment {@code index} arrived: the first moment at which the post's insights count it. */
    private Instant arrival(long index) {
        return media.engagement().commentArrival(index, media.timestamp());
    }
}
