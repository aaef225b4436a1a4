package io.contentfactory.studio.domain;

import java.util.Locale;

/** Whether a shot is a still or a moving clip. */
public enum ShotMedium {
    IMAGE,
    VIDEO;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model kinds that make this medium from a prompt alone. */
    public ModelKind kindFromText() {
        return this == IMAGE ? ModelKind.TEXT_TO_IMAGE : ModelKind.TEXT_TO_VIDEO;
    }
}
