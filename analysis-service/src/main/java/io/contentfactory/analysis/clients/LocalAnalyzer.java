package io.contentfactory.analysis.clients;

import io.contentfactory.analysis.audio.AudioAnalyzer;
import io.contentfactory.analysis.domain.AnalysisStage;
import io.contentfactory.analysis.frames.BestFrame;
import io.contentfactory.analysis.frames.FrameSampler;
import io.contentfactory.analysis.frames.FrameStats;
import io.contentfactory.analysis.scoring.AudioFeatures;
import io.contentfactory.analysis.scoring.ClipFeatures;
import io.contentfactory.analysis.scoring.PreSocialScore;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.MediaProber;
import io.contentfactory.media.UndecodableMediaException;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline, deterministic analyzer: probes the file, samples its frames, reads its sound, and scores it. The same
 * bytes always give the same result. Blocking.
 */
public final class LocalAnalyzer {

    /** Seconds between sampled frames, and the most frames sampled from one clip. */
    static final double SAMPLE_INTERVAL_SEC = 1;

    static final int MAX_FRAMES = 60;
    private static final double HOOK_SECONDS = 3;

    private LocalAnalyzer() {}

    /** Everything the local analyzer found in one file. */
    /** @param audioSamples the track as 16 kHz mono samples (for speech-to-text), or null without audio */
    public record Result(
            MediaProbe probe,
            FrameSampler.Sampling sampling,
            int bestFrame,
            AudioFeatures audio,
            ClipFeatures features,
            PreSocialScore score,
            short[] audioSamples) {

        public FrameSampler.Sample best() {
            return sampling.samples().get(bestFrame);
        }
    }

    /** Hears each stage as it starts, and how far the whole analysis is, 0 to 100. */
    @FunctionalInterface
    public interface Stages {
        void started(AnalysisStage stage, int percent);

        Stages NONE = (stage, percent) -> {};
    }

    public static Result analyze(Path file, ScoreWeights weights) throws UndecodableMediaException {
        return analyze(file, weights, Stages.NONE);
    }

    public static Result analyze(Path file, ScoreWeights weights, Stages stages) throws UndecodableMediaException {
        MediaProbe probe = MediaProber.probe(file);
        stages.started(AnalysisStage.FRAMES, 20);
        FrameSampler.Sampling sampling =
                FrameSampler.sample(file, probe.width(), probe.height(), SAMPLE_INTERVAL_SEC, MAX_FRAMES);
        int best = BestFrame.choose(sampling.samples());
        stages.started(AnalysisStage.SOUND, 60);
        short[] samples = probe.hasAudio() ? AudioAnalyzer.samples(file) : null;
        AudioFeatures audio = samples != null
                ? AudioAnalyzer.features(samples)
                : AudioFeatures.none(probe.durationSec() == null ? 0 : probe.durationSec());
        FrameSampler.Sample hookFace = hookFace(sampling.samples());
        ClipFeatures features = new ClipFeatures(
                probe.durationSec(),
                probe.width(),
                probe.height(),
                hookMotion(sampling.samples()),
                hookFace == null ? 0 : hookFace.faceProminence(),
                hookFace == null ? null : hookFace.timeSec(),
                cutsPerMinute(sampling),
                quality(sampling.samples().get(best).stats()),
                audio,
                firstText(sampling.samples()),
                share(sampling.samples(), s -> !s.text().isEmpty()),
                share(sampling.samples(), s -> !s.faces().isEmpty()));
        return new Result(probe, sampling, best, audio, features, PreSocialScore.of(features, weights), samples);
    }

    private static double hookMotion(List<FrameSampler.Sample> samples) {
        return samples.stream()
                .filter(s -> s.timeSec() > 0 && s.timeSec() <= HOOK_SECONDS)
                .mapToDouble(s -> s.stats().motion())
                .average()
                .orElse(0);
    }

    /** The sample of the first 3 s with the most prominent face, or null when none shows one. */
    private static FrameSampler.Sample hookFace(List<FrameSampler.Sample> samples) {
        return samples.stream()
                .filter(s -> s.timeSec() <= HOOK_SECONDS && s.faceProminence() > 0)
                .max(java.util.Comparator.comparingDouble(FrameSampler.Sample::faceProminence))
                .orElse(null);
    }

    private static Double firstText(List<FrameSampler.Sample> samples) {
        return samples.stream()
                .filter(s -> !s.text().isEmpty())
                .map(FrameSampler.Sample::timeSec)
                .findFirst()
                .orElse(null);
    }

    private static double share(
            List<FrameSampler.Sample> samples, java.util.function.Predicate<FrameSampler.Sample> showing) {
        return samples.stream().filter(showing).count() / (double) samples.size();
    }

    private static double cutsPerMinute(FrameSampler.Sampling sampling) {
        return sampling.durationSec() <= 0 ? 0 : sampling.cuts() / (sampling.durationSec() / 60);
    }

    /** The best frame's quality, 0 to 1: sharpness against an absolute scale, exposure, and colour. */
    private static double quality(FrameStats best) {
        double sharpness = Math.min(1, best.sharpness() / 400);
        double colour = Math.min(1, best.colourfulness() / 80);
        return 0.5 * sharpness + 0.3 * best.exposure() + 0.2 * colour;
    }
}
