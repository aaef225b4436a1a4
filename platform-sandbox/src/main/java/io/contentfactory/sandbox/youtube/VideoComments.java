package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.CommentCorpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The comments of one video, derived from its statistics so that they are deterministic and stable: comment {@code i}
 * arrives when the video's {@code commentCount} first reaches {@code i}, and keeps its id, text, author, likes and time
 * on every read. Every fourth comment is a reply; the rest start threads. The video's first comment draws the first
 * {@link #FIRST_THREAD_REPLIES} replies, more than {@code commentThreads.list} includes with a thread, as a pinned or
 * popular comment does; each later reply answers the comment before it. Texts come from {@link CommentCorpus}, each
 * with a known sentiment label. Ids look like YouTube's: a thread's is its top-level comment's, and a reply's is
 * {@code parentId.replyId}.
 */
final class VideoComments {

    record Comment(
            String id,
            long index,
            String parentId,
            String authorDisplayName,
            String authorChannelId,
            String text,
            String label,
            long likes,
            Instant publishedAt) {}

    private final YouTubeSandbox.Video video;

    VideoComments(YouTubeSandbox.Video video) {
        this.video = video;
    }

    String videoId() {
        return video.id();
    }

    /** How many replies the video's first comment draws. */
    static final int FIRST_THREAD_REPLIES = 7;

    static boolean isReply(long index) {
        return index % 4 == 0;
    }

    /** The index of the comment that reply {@code index} answers. */
    static long parentOf(long index) {
        return index <= 4L * FIRST_THREAD_REPLIES ? 1 : index - 1;
    }

    long count(Instant now) {
        return video.comments(now);
    }

    /** The threads' top-level comments existing at {@code now}, newest first, from index {@code from} down. */
    List<Comment> threads(Instant now, long from, int limit) {
        List<Comment> page = new ArrayList<>();
        for (long i = Math.min(count(now), from); i >= 1 && page.size() < limit; i--) {
            if (!isReply(i)) {
                page.add(comment(i));
            }
        }
        return page;
    }

    /** The index of the newest top-level comment below {@code index}, if there is one. */
    static Optional<Long> threadBelow(long index) {
        for (long i = index - 1; i >= 1; i--) {
            if (!isReply(i)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The replies to the thread started by comment {@code parent}, existing at {@code now}, oldest first. */
    List<Comment> replies(long parent, Instant now) {
        long count = count(now);
        if (parent == 1) {
            List<Comment> replies = new ArrayList<>();
            for (long i = 4; i <= Math.min(count, 4L * FIRST_THREAD_REPLIES); i += 4) {
                replies.add(comment(i));
            }
            return replies;
        }
        long reply = parent + 1;
        return isReply(reply) && parentOf(reply) == parent && reply <= count ? List.of(comment(reply)) : List.of();
    }

    /** The video a top-level comment's id names (see {@link #threadId}), if it is shaped like one of ours. */
    static Optional<String> videoIdOf(String commentId) {
        int videoIdLength = 11;
        return commentId != null && commentId.startsWith("Ugz") && commentId.length() == 3 + videoIdLength + 6 + 7
                ? Optional.of(commentId.substring(3, 3 + videoIdLength))
                : Optional.empty();
    }

    /** The index of the top-level comment whose id is {@code id}, if it is one of this video's. */
    Optional<Long> threadIndex(String id) {
        String prefix = "Ugz" + video.id();
        if (id == null || !id.startsWith(prefix) || id.length() != prefix.length() + 6 + 7) {
            return Optional.empty();
        }
        try {
            long index = Long.parseLong(id.substring(prefix.length(), prefix.length() + 6));
            return !isReply(index) && index >= 1 && id.equals(threadId(index)) ? Optional.of(index) : Optional.empty();
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    Comment comment(long index) {
        CommentCorpus.Line line =
                CommentCorpus.line(video.id(), index, video.engagement().positiveShare());
        long viewer = index * 7919 % 1000;
        return new Comment(
                isReply(index) ? threadId(parentOf(index)) + "." + replySuffix(index) : threadId(index),
                index,
                isReply(index) ? threadId(parentOf(index)) : null,
                "@viewer" + viewer,
                "UCviewer" + String.format("%014d", viewer),
                line.text(),
                line.label(),
                index % 5,
                arrival(index));
    }

    /** A top-level comment's id: 26 characters like YouTube's ({@code Ugz…AaABAg}), encoding video and index. */
    private String threadId(long index) {
        return "Ugz" + video.id() + String.format("%06d", index) + "4AaABAg";
    }

    private static String replySuffix(long index) {
        return "9x" + String.format("%020d", index);
    }

    /** When comment {@code index} arrived: the first second at which the statistics count it. */
    private Instant arrival(long index) {
        return video.engagement().commentArrival(index, video.processedAt());
    }
}
