package io.contentfactory.analysis.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A transparent score from 0 to 100: each feature earns up to its weight, by a rule written out here, and every
 * contribution is explained in plain words ({@code "hook: strong motion in the first 3 s, +16"}).
 */
public record PreSocialScore(double value, List<Contribution> contributions) {

    /** One feature's share of the score and why. */
    public record Contribution(String feature, double points, double maxPoints, String reason) {
        public String text() {
            return String.format(Locale.ROOT, "%s: %s, %+.0f", feature, reason, points);
        }
    }

    /** Picture change (0 to 255 mean luma difference) at which the opening counts as fully dynamic. */
    static final double LIVELY_MOTION = 12;

    public static PreSocialScore of(ClipFeatures clip, ScoreWeights weights) {
        List<Contribution> parts = new ArrayList<>();
        parts.add(hook(clip, weights.hook()));
        parts.add(pacing(clip, weights.pacing()));
        parts.add(lengthFit(clip, weights.lengthFit()));
        parts.add(aspectFit(clip, weights.aspectFit()));
        parts.add(new Contribution(
                "picture",
                weights.visualQuality() * clip.bestFrameQuality(),
                weights.visualQuality(),
                String.format(
                        Locale.ROOT,
                        "best frame quality %.0f%% (sharpness, exposure, colour)",
                        clip.bestFrameQuality() * 100)));
        parts.add(speech(clip.audio(), weights.speech()));
        parts.add(audioLevel(clip.audio(), weights.audioLevel()));
        parts.add(text(clip, weights.text()));
        return summed(parts);
    }

    private static PreSocialScore summed(List<Contribution> parts) {
        double total = parts.stream().mapToDouble(Contribution::points).sum();
        return new PreSocialScore(Math.max(0, Math.min(100, Math.round(total * 10) / 10.0)), List.copyOf(parts));
    }

    /** This score with one more feature's part. */
    public PreSocialScore with(Contribution part) {
        List<Contribution> parts = new ArrayList<>(contributions);
        parts.add(part);
        return summed(parts);
    }

    public List<String> explanation() {
        return contributions.stream().map(Contribution::text).toList();
    }

    public String explanationText() {
        return String.join("; ", explanation());
    }

    private static Contribution hook(ClipFeatures clip, double weight) {
        if (clip.durationSec() == null) {
            return new Contribution(
                    "hook",
                    weight * 0.5 * clip.hookFace(),
                    weight,
                    clip.hookFace() > 0 ? "a still image with a face" : "a still image has no opening seconds");
        }
        double motion = Math.min(1, clip.hookMotion() / LIVELY_MOTION);
        Double onset = clip.audio().speechOnsetSec();
        double voice = onset != null && onset <= 3 ? 1 - onset / 3 * 0.5 : 0;
        double share = 0.4 * motion + 0.3 * clip.hookFace() + 0.3 * voice;
        String face = clip.hookFace() > 0
                ? String.format(Locale.ROOT, "a face from %.1f s, ", clip.hookFaceSec())
                : "no face, ";
        String reason = String.format(
                Locale.ROOT,
                "%s%s motion in the first 3 s%s",
                face,
                motion > 0.66 ? "strong" : motion > 0.25 ? "some" : "little",
                onset != null && onset <= 3
                        ? String.format(Locale.ROOT, ", speech within %.1f s", onset)
                        : ", no speech in the first 3 s");
        return new Contribution("hook", weight * share, weight, reason);
    }

    private static Contribution pacing(ClipFeatures clip, double weight) {
        if (clip.durationSec() == null) {
            return new Contribution("pacing", 0, weight, "a still image has no cuts");
        }
        double cuts = clip.cutsPerMinute();
        // Short-form editing cuts about every 2 to 5 s: 12 to 30 cuts a minute earns everything.
        double share = cuts >= 12 && cuts <= 30 ? 1 : cuts < 12 ? cuts / 12 : Math.max(0, 1 - (cuts - 30) / 60);
        return new Contribution(
                "pacing", weight * share, weight, String.format(Locale.ROOT, "%.0f cuts a minute", cuts));
    }

    private static Contribution lengthFit(ClipFeatures clip, double weight) {
        if (clip.durationSec() == null) {
            return new Contribution("length", weight, weight, "an image fits every feed");
        }
        double seconds = clip.durationSec();
        double reels = fit(seconds, 7, 30, 90);
        double tiktok = fit(seconds, 15, 60, 600);
        double shorts = fit(seconds, 15, 60, 180);
        double best = Math.max(reels, Math.max(tiktok, shorts));
        String platform = best == reels ? "Reels" : best == tiktok ? "TikTok" : "Shorts";
        return new Contribution(
                "length",
                weight * best,
                weight,
                String.format(
                        Locale.ROOT,
                        "%.1f s fits %s %s",
                        seconds,
                        platform,
                        best >= 1 ? "best" : best > 0.5 ? "well" : best > 0 ? "poorly" : "not at all"));
    }

    private static Contribution aspectFit(ClipFeatures clip, double weight) {
        double aspect = clip.aspect();
        double share;
        String shape;
        if (Math.abs(aspect - 9.0 / 16) < 0.03) {
            share = 1;
            shape = "vertical 9:16 fits Reels, TikTok and Shorts";
        } else if (Math.abs(aspect - 4.0 / 5) < 0.03) {
            share = 0.8;
            shape = "4:5 fits the Instagram feed";
        } else if (Math.abs(aspect - 1) < 0.03) {
            share = 0.6;
            shape = "square fits feeds";
        } else if (aspect < 1) {
            share = 0.5;
            shape = "portrait but not 9:16";
        } else {
            share = 0.2;
            shape = String.format(
                    Locale.ROOT,
                    "landscape %dx%d is cropped or letterboxed on short-video platforms",
                    clip.width(),
                    clip.height());
        }
        return new Contribution("aspect", weight * share, weight, shape);
    }

    private static Contribution speech(AudioFeatures audio, double weight) {
        if (!audio.present()) {
            return new Contribution("speech", 0, weight, "no audio track");
        }
        double share = Math.min(1, audio.speechRatio() / 0.5);
        return new Contribution(
                "speech",
                weight * share,
                weight,
                String.format(
                        Locale.ROOT,
                        "speech in %.0f%% of the clip%s",
                        audio.speechRatio() * 100,
                        audio.musicLikely() ? ", music or a steady tone otherwise" : ""));
    }

    private static Contribution audioLevel(AudioFeatures audio, double weight) {
        if (!audio.present()) {
            return new Contribution("sound", 0, weight, "silent (no audio track)");
        }
        double level = audio.loudnessDbfs();
        // Platforms normalise to about -14 LUFS; a track between -24 and -8 dBFS RMS is heard well.
        double share = level >= -24 && level <= -8 ? 1 : level < -24 ? Math.max(0, 1 - (-24 - level) / 30) : 0.7;
        double silence = audio.leadingSilenceSec();
        if (silence > 1.5) {
            share *= 0.5;
        }
        return new Contribution(
                "sound",
                weight * share,
                weight,
                String.format(
                        Locale.ROOT,
                        "%.0f dBFS%s",
                        level,
                        silence > 1.5 ? String.format(Locale.ROOT, ", silent for the first %.1f s", silence) : ""));
    }

    /**
     * On-screen text (a title, burned-in captions) keeps a viewer who scrolls with the sound off: full points when it
     * is there from the first 3 s, half when it comes later.
     */
    private static Contribution text(ClipFeatures clip, double weight) {
        Double first = clip.firstTextSec();
        if (first == null) {
            return new Contribution(
                    "text", 0, weight, clip.durationSec() == null ? "no text on the image" : "no on-screen text");
        }
        if (clip.durationSec() == null) {
            return new Contribution("text", weight, weight, "text on the image");
        }
        double share = first <= 3 ? 1 : 0.5;
        return new Contribution(
                "text",
                weight * share,
                weight,
                String.format(
                        Locale.ROOT,
                        "on-screen text from %.1f s in %.0f%% of the frames",
                        first,
                        clip.textShare() * 100));
    }

    /** 1 within [idealLow, idealHigh], falling to 0 at 0 s and at {@code max}. */
    private static double fit(double seconds, double idealLow, double idealHigh, double max) {
        if (seconds >= idealLow && seconds <= idealHigh) {
            return 1;
        }
        if (seconds < idealLow) {
            return seconds / idealLow;
        }
        return seconds >= max ? 0 : 1 - (seconds - idealHigh) / (max - idealHigh);
    }
}
