package io.contentfactory.studio.domain;

import java.util.Locale;

/** What a generation model makes from what. */
public enum ModelKind {
    TEXT_TO_IMAGE,
    TEXT_TO_VIDEO,
    IMAGE_TO_VIDEO;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ModelKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean makesVideo() {
        return this != TEXT_TO_IMAGE;
    }
}
