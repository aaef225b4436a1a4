package io.contentfactory.ingest.domain;

import io.contentfactory.media.MediaProbe;

/**
 * The seed's {@code platform_hint}: where a file fits best by its shape, unless its sender said. Images go to
 * Instagram; a portrait video of up to three minutes fits every short-video platform ({@code multi}); a longer
 * portrait one fits TikTok (up to ten minutes); anything else has no hint.
 */
public final class PlatformHint {

    private PlatformHint() {}

    public static String of(MediaProbe probe) {
        if (probe.isStill()) {
            return "instagram";
        }
        boolean portrait = probe.height() > probe.width();
        double seconds = probe.durationSec();
        if (portrait && seconds <= 180) {
            return "multi";
        }
        if (portrait && seconds <= 600) {
            return "tiktok";
        }
        return null;
    }
}
