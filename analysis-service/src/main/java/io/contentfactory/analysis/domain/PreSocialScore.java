package io.contentfactory.analysis.domain;

import io.contentfactory.media.MediaProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparent score from 0 to 100: a base plus named contributions, each explained in plain words.
 * This first model uses only what probing tells (shape and length); the analysis issue adds frames and audio.
 */
public record PreSocialScore(double value, List<String> explanation) {

    private static final double BASE = 50;

    public static PreSocialScore of(MediaProbe probe) {
        List<String> reasons = new ArrayList<>();
        double score = BASE;
        reasons.add("base: " + (int) BASE);
        double aspect = (double) probe.width() / probe.height();
        if (Math.abs(aspect - 9.0 / 16.0) < 0.02) {
            score += 20;
            reasons.add("aspect ratio: vertical 9:16 fits Reels, TikTok and Shorts, +20");
        } else if (Math.abs(aspect - 4.0 / 5.0) < 0.02 || Math.abs(aspect - 1.0) < 0.02) {
            score += 10;
            reasons.add("aspect ratio: " + probe.resolution() + " fits the Instagram feed, +10");
        } else {
            reasons.add("aspect ratio: " + probe.resolution() + " fits no platform's preferred shape, +0");
        }
        if (probe.durationSec() != null) {
            double seconds = probe.durationSec();
            if (seconds >= 7 && seconds <= 60) {
                score += 15;
                reasons.add(String.format("length: %.1f s is within the 7 to 60 s short-video sweet spot, +15", seconds));
            } else if (seconds < 7) {
                score += 5;
                reasons.add(String.format("length: %.1f s is very short, +5", seconds));
            } else {
                reasons.add(String.format("length: %.1f s is longer than short-form viewers usually watch, +0", seconds));
            }
        }
        if (Math.min(probe.width(), probe.height()) >= 1080) {
            score += 10;
            reasons.add("resolution: full HD or better, +10");
        }
        return new PreSocialScore(Math.min(100, score), List.copyOf(reasons));
    }

    public String explanationText() {
        return String.join("; ", explanation);
    }
}
