package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One metrics checkpoint of a live post was read. A metric the platform did not report is null, never 0.
 *
 * @param checkpoint       one of the project's checkpoints ({@code 15m, 1h, 4h, 24h, 72h, 7d} by default)
 * @param checkedAt        when it was really read
 * @param dueAt            when it was due
 * @param watchTimeMs      total watch time, milliseconds
 * @param avgWatchTimeMs   average watch time per view, milliseconds
 * @param followerDelta    followers gained through the post
 * @param droppedCounters  counters that fell since the previous checkpoint (stored as reported), or empty
 * @param postSocialScore  0–100 against the account's baseline; null when there is no baseline yet
 * @param scoreExplanation the score, or its absence, in words
 * @param baseline         the account's median the score compares with; null when there is none yet
 * @param commentSummary   the sentiment and topic clusters of every comment stored for this target so far (all zero
 *                         while none is stored); null when its comments cannot be read (no reader for the platform,
 *                         a platform that does not expose them, or numbers reported by hand)
 */
public record MetricsCollected(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        Platform platform,
        String externalPostId,
        String checkpoint,
        Instant checkedAt,
        Long views,
        Long likes,
        Long comments,
        Long shares,
        Long saves,
        Long reach,
        Long watchTimeMs,
        Long avgWatchTimeMs,
        Long profileVisits,
        Long followerDelta,
        Instant dueAt,
        PostFormat format,
        List<String> droppedCounters,
        Double postSocialScore,
        String scoreExplanation,
        AccountBaseline baseline,
        CommentSummary commentSummary)
        implements PipelineEvent {

    /**
     * The median of {@code metric} ({@code views}, or {@code reach} where a platform reports no views) over the
     * account's latest {@code posts} earlier posts on the same platform, in the same format, at the same checkpoint.
     */
    public record AccountBaseline(String metric, double median, int posts) {}

    /**
     * How the target's comments feel and what they talk about: counts by sentiment label, and the topic clusters
     * (comments sharing a topic tag), largest first.
     */
    public record CommentSummary(long positive, long neutral, long negative, List<TopicCluster> clusters) {

        public CommentSummary {
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
        }

        public long total() {
            return positive + neutral + negative;
        }
    }

    /** The comments that talk about one topic, and how many of them are positive and negative. */
    public record TopicCluster(String topic, long comments, long positive, long negative) {}

    public MetricsCollected {
        Required.fields(
                "postId",
                postId,
                "targetId",
                targetId,
                "mediaId",
                mediaId,
                "platform",
                platform,
                "externalPostId",
                externalPostId,
                "checkpoint",
                checkpoint,
                "checkedAt",
                checkedAt);
        droppedCounters = droppedCounters == null ? List.of() : List.copyOf(droppedCounters);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
