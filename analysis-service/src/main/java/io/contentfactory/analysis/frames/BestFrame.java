package io.contentfactory.analysis.frames;

import java.util.List;

/**
 * Picks the frame that makes the best thumbnail. A frame much blurrier than the sharpest one of its clip (under
 * {@link #MIN_RELATIVE_SHARPNESS} of it) is never eligible; among the rest a face counts most (its size and
 * centrality), then sharpness, exposure, contrast and colour, each relative to the clip's best.
 */
public final class BestFrame {

    static final double MIN_RELATIVE_SHARPNESS = 0.35;
    /** A clearly visible face outweighs any other difference between two sharp frames. */
    static final double FACE_WEIGHT = 1.0;

    private BestFrame() {}

    /** The chosen sample's position in {@code samples}. */
    public static int choose(List<FrameSampler.Sample> samples) {
        return ranked(samples).getFirst();
    }

    /**
     * The positions of the frames that may be the thumbnail, best first: the candidates a vision provider is shown.
     * Never empty: when every frame is equally blurred, the sharpest of them is still a candidate.
     */
    public static List<Integer> ranked(List<FrameSampler.Sample> samples) {
        double maxSharpness =
                samples.stream().mapToDouble(s -> s.stats().sharpness()).max().orElse(0);
        double maxContrast =
                samples.stream().mapToDouble(s -> s.stats().contrast()).max().orElse(0);
        double maxColour = samples.stream()
                .mapToDouble(s -> s.stats().colourfulness())
                .max()
                .orElse(0);
        double[] scores = new double[samples.size()];
        List<Integer> eligible = new java.util.ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            FrameStats stats = samples.get(i).stats();
            double sharpness = relative(stats.sharpness(), maxSharpness);
            if (sharpness < MIN_RELATIVE_SHARPNESS) {
                continue;
            }
            scores[i] = 0.45 * sharpness
                    + 0.2 * stats.exposure()
                    + 0.15 * relative(stats.contrast(), maxContrast)
                    + 0.2 * relative(stats.colourfulness(), maxColour)
                    + FACE_WEIGHT * samples.get(i).faceProminence();
            eligible.add(i);
        }
        if (eligible.isEmpty()) {
            return List.of(0);
        }
        // Stable: of two frames scoring the same, the earlier stays first.
        eligible.sort((a, b) -> Double.compare(scores[b], scores[a]));
        return List.copyOf(eligible);
    }

    private static double relative(double value, double max) {
        return max <= 0 ? 1 : value / max;
    }
}
