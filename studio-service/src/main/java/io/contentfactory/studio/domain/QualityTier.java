package io.contentfactory.studio.domain;

import java.util.Locale;

/** How good a model's output is, as the catalog grades it; later constants rank higher. */
public enum QualityTier {
    DRAFT,
    STANDARD,
    PREMIUM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QualityTier fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
