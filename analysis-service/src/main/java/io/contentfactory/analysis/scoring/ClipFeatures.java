package io.contentfactory.analysis.scoring;

/**
 * The virality features of one clip, as the local analyzer measured them.
 *
 * @param durationSec       null for an image
 * @param hookMotion        mean picture change over the first 3 s, 0 to 255 (0 for an image)
 * @param hookFace          the most prominent face in the first 3 s, 0 (none) to 1 (large and central)
 * @param hookFaceSec       when that face is first seen, or null
 * @param cutsPerMinute     shot changes per minute (pacing)
 * @param bestFrameQuality  the best frame's sharpness, exposure and colour together, 0 to 1
 * @param firstTextSec      when on-screen text is first seen, or null when none is
 * @param textShare         the share of sampled frames showing text, 0 to 1
 * @param faceShare         the share of sampled frames showing a face, 0 to 1
 */
public record ClipFeatures(
        Double durationSec,
        int width,
        int height,
        double hookMotion,
        double hookFace,
        Double hookFaceSec,
        double cutsPerMinute,
        double bestFrameQuality,
        AudioFeatures audio,
        Double firstTextSec,
        double textShare,
        double faceShare) {

    public double aspect() {
        return width / (double) height;
    }

    /** The features as the seed's {@code virality_features} document holds them, by name. */
    public java.util.Map<String, Object> asDocument() {
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("hookMotion", rounded(hookMotion));
        document.put("hookFace", rounded(hookFace));
        document.put("hookFaceSec", hookFaceSec);
        document.put("speechOnsetSec", audio.speechOnsetSec());
        document.put("cutsPerMinute", rounded(cutsPerMinute));
        document.put("durationSec", durationSec);
        document.put("aspect", rounded(aspect()));
        document.put("faceShare", rounded(faceShare));
        document.put("textShare", rounded(textShare));
        document.put("firstTextSec", firstTextSec);
        document.put("speechRatio", rounded(audio.speechRatio()));
        document.put("leadingSilenceSec", rounded(audio.leadingSilenceSec()));
        document.put("musicLikely", audio.musicLikely());
        document.put("bestFrameQuality", rounded(bestFrameQuality));
        return document;
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
