package io.contentfactory.contracts.events;

import java.util.List;

/**
 * What analysis found in a media item, as the coach and later stages read it: every field is null when the item
 * has none of it (an image has no pacing, a silent clip no transcript).
 *
 * @param topics          the keywords of what is said (or of the file's title when nothing is said)
 * @param hookMotion      picture change in the first 3 s, 0–255 mean luma difference
 * @param hookFace        whether a face shows in the first 3 s, 0–1
 * @param cutsPerMinute   scene cuts per minute
 * @param framesSampled   how many frames were looked at
 * @param framesWithFaces of those, how many show a face
 * @param framesWithText  of those, how many carry on-screen text
 * @param firstTextSec    when on-screen text first appears, seconds
 * @param speechRatio     the share of the sound that is speech, 0–1
 * @param transcript      what is said, at most {@link #TRANSCRIPT_CHARS} characters
 * @param contributions   each feature's part of the pre-social score, with its reason in words
 * @param patternOverlap  the project's imported top-performer patterns the item resembles, most alike first
 */
public record AnalysisFeatures(
        List<String> topics,
        Double hookMotion,
        Double hookFace,
        Double cutsPerMinute,
        Integer framesSampled,
        Integer framesWithFaces,
        Integer framesWithText,
        Double firstTextSec,
        Double speechRatio,
        String transcript,
        List<ScoreContribution> contributions,
        List<PatternMatch> patternOverlap) {

    public static final int TRANSCRIPT_CHARS = 2000;

    /** One feature's points towards the pre-social score, out of its weight. */
    public record ScoreContribution(String feature, double points, double maxPoints, String reason) {}

    /** A pattern the item resembles: how much (0–1) and the words of its hook the item shares. */
    public record PatternMatch(java.util.UUID patternId, double similarity, List<String> sharedWords) {}

    public AnalysisFeatures {
        topics = topics == null ? List.of() : List.copyOf(topics);
        patternOverlap = patternOverlap == null ? List.of() : List.copyOf(patternOverlap);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        if (transcript != null && transcript.length() > TRANSCRIPT_CHARS) {
            transcript = transcript.substring(0, TRANSCRIPT_CHARS);
        }
    }
}
