package io.contentfactory.analysis.scoring;

/**
 * What a clip's sound tells, from its samples alone.
 *
 * @param present            whether the file has an audio stream at all
 * @param loudnessDbfs       RMS level of the whole track, dBFS (-90 for silence or no audio)
 * @param speechRatio        share of the track classified as speech, 0 to 1
 * @param speechOnsetSec     when speech first starts, or null when there is none
 * @param leadingSilenceSec  how long the track is silent before any sound (its length when it is silent throughout)
 * @param musicLikely        sustained, steady sound without speech's syllable rhythm: music or a tone, where it can be told
 */
public record AudioFeatures(
        boolean present,
        double loudnessDbfs,
        double speechRatio,
        Double speechOnsetSec,
        double leadingSilenceSec,
        boolean musicLikely) {

    public static AudioFeatures none(double durationSec) {
        return new AudioFeatures(false, -90, 0, null, durationSec, false);
    }
}
