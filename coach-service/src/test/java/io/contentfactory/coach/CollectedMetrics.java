package io.contentfactory.coach;

import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events the coach reads, with the numbers a test names. */
final class CollectedMetrics {

    private CollectedMetrics() {}

    /** A new Instagram feed post at 24h, with the counts a test names and no score. */
    static MetricsCollected at24h(long views, long likes, long comments, long shares, long saves) {
        return reel(
                UUID.randomUUID(), UUID.randomUUID(), "24h", views, likes, comments, shares, saves, null, null, null);
    }

    /**
     * A reel of {@code mediaId} read at {@code checkpoint}; {@code baselineViews} null for an account without a
     * baseline yet, else the median views of 5 earlier posts.
     */
    static MetricsCollected reel(
            UUID mediaId,
            UUID targetId,
            String checkpoint,
            long views,
            long likes,
            long comments,
            long shares,
            long saves,
            Long avgWatchTimeMs,
            Double postSocialScore,
            Double baselineViews) {
        Instant due = Instant.parse("2026-12-01T12:00:00Z")
                .plus(
                        checkpoint.equals("7d")
                                ? Duration.ofDays(7)
                                : checkpoint.equals("24h") ? Duration.ofHours(24) : Duration.ofMinutes(15));
        return new MetricsCollected(
                UUID.nameUUIDFromBytes(targetId.toString().getBytes()),
                targetId,
                mediaId,
                Platform.INSTAGRAM,
                "17900" + Math.abs(targetId.getLeastSignificantBits() % 1000),
                checkpoint,
                due.plusSeconds(2),
                views,
                likes,
                comments,
                shares,
                saves,
                null,
                null,
                avgWatchTimeMs,
                null,
                null,
                due,
                PostFormat.REEL,
                List.of(),
                postSocialScore,
                postSocialScore == null ? "No baseline yet" : "score " + postSocialScore,
                baselineViews == null ? null : new MetricsCollected.AccountBaseline("views", baselineViews, 5),
                null);
    }

    /** {@code reading} with the sentiment and topic clusters of its comments. */
    static MetricsCollected withComments(MetricsCollected reading, MetricsCollected.CommentSummary comments) {
        return new MetricsCollected(
                reading.postId(),
                reading.targetId(),
                reading.mediaId(),
                reading.platform(),
                reading.externalPostId(),
                reading.checkpoint(),
                reading.checkedAt(),
                reading.views(),
                reading.likes(),
                reading.comments(),
                reading.shares(),
                reading.saves(),
                reading.reach(),
                reading.watchTimeMs(),
                reading.avgWatchTimeMs(),
                reading.profileVisits(),
                reading.followerDelta(),
                reading.dueAt(),
                reading.format(),
                reading.droppedCounters(),
                reading.postSocialScore(),
                reading.scoreExplanation(),
                reading.baseline(),
                comments);
    }

    /** A 20-second video analysed with a face in most frames, no on-screen text and a weak hook. */
    static MediaAnalyzed video(UUID mediaId, double preSocialScore) {
        return new MediaAnalyzed(
                mediaId,
                UUID.randomUUID(),
                MediaType.VIDEO,
                "video/mp4",
                20.0,
                1080,
                1920,
                preSocialScore,
                "http://localhost/media/" + mediaId,
                "a caption",
                List.of("#coffee"),
                null,
                new AnalysisFeatures(
                        List.of("cold brew", "coffee ratio", "ice"),
                        4.0,
                        1.0,
                        3.0,
                        12,
                        9,
                        0,
                        null,
                        0.6,
                        "Here is how I make cold brew at home with a one to eight ratio.",
                        List.of(
                                new AnalysisFeatures.ScoreContribution("hook", 4, 20, "little motion in the first 3 s"),
                                new AnalysisFeatures.ScoreContribution(
                                        "length fit", 10, 10, "20 s, in the sweet spot")),
                        List.of()));
    }

    /** {@code analyzed} with analysis having found it resembles these imported patterns. */
    static MediaAnalyzed resembling(MediaAnalyzed analyzed, AnalysisFeatures.PatternMatch... matches) {
        return withParts(
                analyzed, analyzed.preSocialScore(), analyzed.features().contributions(), List.of(matches));
    }

    /** {@code analyzed} scored {@code preSocialScore} from these parts, resembling these patterns. */
    static MediaAnalyzed withParts(
            MediaAnalyzed analyzed,
            double preSocialScore,
            List<AnalysisFeatures.ScoreContribution> parts,
            List<AnalysisFeatures.PatternMatch> matches) {
        AnalysisFeatures f = analyzed.features();
        return new MediaAnalyzed(
                analyzed.mediaId(),
                analyzed.analysisId(),
                analyzed.mediaType(),
                analyzed.contentType(),
                analyzed.durationSec(),
                analyzed.width(),
                analyzed.height(),
                preSocialScore,
                analyzed.contentUrl(),
                analyzed.captionSuggestion(),
                analyzed.hashtags(),
                analyzed.jpegUrl(),
                new AnalysisFeatures(
                        f.topics(),
                        f.hookMotion(),
                        f.hookFace(),
                        f.cutsPerMinute(),
                        f.framesSampled(),
                        f.framesWithFaces(),
                        f.framesWithText(),
                        f.firstTextSec(),
                        f.speechRatio(),
                        f.transcript(),
                        parts,
                        matches));
    }
}
