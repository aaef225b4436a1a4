package io.contentfactory.analysis.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.domain.ProviderResult;
import io.contentfactory.analysis.service.AnalysisService;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A media item's analysis as the API shows it: the score with each feature's contribution and the sentence for it,
 * the frames, sound and words the local analyzer found, and what each provider returned beside them.
 */
public record AnalysisView(
        UUID mediaId,
        Progress progress,
        UUID id,
        String analyzerVersion,
        BigDecimal preSocialScore,
        List<String> explanation,
        JsonNode contributions,
        JsonNode viralityFeatures,

        @org.eclipse.microprofile.openapi.annotations.media.Schema(
                description = "The imported top-performer patterns the item resembles, most alike first:"
                        + " [{patternId, similarity 0-1, sharedWords, hookText, reason}]; weighed into the score as"
                        + " pattern_overlap (weight 0 until weights are learned)")
        JsonNode patternOverlap,

        @org.eclipse.microprofile.openapi.annotations.media.Schema(
                description = "The item under the learned model of the project's best-measured account, null while none"
                        + " is in force (docs/learning.md): {platform, accountId, modelVersion, posts, checkpoint,"
                        + " score (100 × beatsMedian), beatsMedian, percentile, percentileLow, percentileHigh (95 %),"
                        + " contributions [{feature, value, effect, contribution}]}; preSocialScore stays the default"
                        + " weights' score")
        JsonNode learnedScore,

        Frames frames,
        Sound sound,
        Words words,
        List<Provider> providers,
        Instant createdAt) {

    /** Where the analysis stands: {@code analyzing} at a stage, {@code retrying}, {@code analyzed}, {@code analysis_failed}. */
    public record Progress(String status, String stage, int percent, String reason) {
        static Progress of(MediaAnalysisProgressed progressed) {
            return progressed == null
                    ? null
                    : new Progress(progressed.status(), progressed.stage(), progressed.percent(), progressed.reason());
        }
    }

    /** An analysis still running (or failed) has its progress and nothing else yet. */
    static AnalysisView of(AnalysisService.Reading reading) {
        return reading.done()
                ? of(reading.analysis(), reading.results(), reading.progress())
                : pending(reading.mediaId(), reading.progress());
    }

    static AnalysisView pending(UUID mediaId, MediaAnalysisProgressed progressed) {
        return new AnalysisView(
                mediaId,
                Progress.of(progressed),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Frames(
            Integer sampled,
            Integer bestFrameIndex,
            BigDecimal bestFrameTimeSec,
            String bestFrameUrl,
            String bestFrameChosenBy,
            BigDecimal cutsPerMinute,
            BigDecimal hookMotion,
            BigDecimal hookFace,
            Integer framesWithFaces,
            Integer framesWithText,
            BigDecimal firstTextSec) {}

    public record Sound(
            Boolean present,
            BigDecimal loudnessDbfs,
            BigDecimal speechRatio,
            BigDecimal speechOnsetSec,
            BigDecimal leadingSilenceSec,
            Boolean musicLikely) {}

    public record Words(
            String source,
            String language,
            String transcript,
            BigDecimal sentiment,
            JsonNode topics,
            JsonNode hashtags,
            JsonNode captionSuggestions) {}

    /** One provider's outcome; a failure says why. */
    public record Provider(String kind, String provider, String status, String error, Instant at) {}

    static AnalysisView of(MediaAnalysis a, List<ProviderResult> results, MediaAnalysisProgressed progressed) {
        return new AnalysisView(
                a.mediaId,
                Progress.of(progressed),
                a.id,
                a.analyzerVersion,
                a.preSocialScore,
                Arrays.stream(a.preSocialExplanation.split("; ")).toList(),
                json(a.scoreContributions),
                json(a.viralityFeatures),
                json(a.patternOverlap),
                json(a.learnedScore),
                new Frames(
                        a.framesSampled,
                        a.bestFrameIndex,
                        a.bestFrameTimeSec,
                        a.bestFrameUrl,
                        a.bestFrameChosenBy,
                        a.cutsPerMinute,
                        a.hookMotion,
                        a.hookFace,
                        a.framesWithFaces,
                        a.framesWithText,
                        a.firstTextSec),
                new Sound(
                        a.hasAudio,
                        a.loudnessDbfs,
                        a.speechRatio,
                        a.speechOnsetSec,
                        a.leadingSilenceSec,
                        a.musicLikely),
                new Words(
                        a.textSource,
                        a.language,
                        a.transcript,
                        a.sentimentOverall,
                        json(a.topics),
                        json(a.hashtags),
                        json(a.captionSuggestions)),
                results.stream()
                        .map(r -> new Provider(r.kind.wire(), r.provider, r.status.wire(), r.error, r.createdAt))
                        .toList(),
                a.createdAt);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored analysis JSON does not parse", e);
        }
    }
}
