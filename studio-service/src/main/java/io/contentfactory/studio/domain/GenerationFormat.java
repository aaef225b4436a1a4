package io.contentfactory.studio.domain;

import java.util.Locale;

/** What a generation makes: one vertical video, one image, or a set of images. */
public enum GenerationFormat {
    REEL,
    FEED_IMAGE,
    CAROUSEL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GenerationFormat fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public ShotMedium medium() {
        return this == REEL ? ShotMedium.VIDEO : ShotMedium.IMAGE;
    }
}
