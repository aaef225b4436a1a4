package io.contentfactory.sandbox.audience;

import java.util.Map;

/**
 * An audience's hidden preferences. Weights are on a log scale: +1 multiplies a post's appeal by e.
 *
 * @param hook                   weight of hook strength (applied to {@code 2 × (hook − 0.5)})
 * @param preferredLengthSeconds the video length the audience likes best
 * @param lengthToleranceSeconds how far from it a video may be before appeal falls by a factor of e^0.5
 * @param faces                  weight of a face on screen (±0.5 for with and without)
 * @param onScreenText           weight of text on screen (±0.5)
 * @param topics                 affinity per topic; a post's appeal adds those of its topics
 * @param noise                  standard deviation of the log-normal noise on each post's appeal
 */
public record Taste(
        double hook,
        double preferredLengthSeconds,
        double lengthToleranceSeconds,
        double faces,
        double onScreenText,
        Map<String, Double> topics,
        double noise) {}
