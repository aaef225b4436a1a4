package io.contentfactory.metrics.domain;

import java.util.List;

/** What one checkpoint's look at a post's comments came to. */
public sealed interface CommentsFetch {

    /**
     * The comments newer than the last one stored, newest first. {@code complete} is false when the page budget ran
     * out before reaching it: the next checkpoint goes on from the newest it stores.
     */
    record Fetched(List<PlatformComment> comments, boolean complete) implements CommentsFetch {}

    /** The platform does not let us read its comments at all (TikTok's public API): its limit, not zero comments. */
    record NotReadable(String reason) implements CommentsFetch {}

    /** This look failed (5xx, budget, token): nothing stored, the next checkpoint looks again. */
    record Failed(String reason) implements CommentsFetch {}
}
