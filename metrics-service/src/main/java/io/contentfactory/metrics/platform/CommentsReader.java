package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.domain.CommentsFetch;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/** Reads a live post's newest comments from its platform; each platform's reader takes a base URL only. */
public interface CommentsReader {

    Platform platform();

    /**
     * Pages through the post's comments newest first, and stops at the first comment older than {@code since} (the
     * newest already stored; null when none is) or after {@code maxPages} pages. Every platform answer becomes a
     * {@link CommentsFetch}; the returned Uni fails only for a bug of ours.
     */
    Uni<CommentsFetch> newest(UUID projectId, String externalPostId, String token, Instant since, int maxPages);

    /** False for a platform whose API exposes no comments: its reason then stands before any comment count. */
    default boolean exposesComments() {
        return true;
    }
}
