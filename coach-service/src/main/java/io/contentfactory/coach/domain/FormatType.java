package io.contentfactory.coach.domain;

import java.util.Locale;

/** The seed's derivative formats: what a media item can be remade as. */
public enum FormatType {
    /** B-roll with on-screen text carrying the message. */
    BROLL_TEXT,
    /** One person talking to the camera. */
    FACE_CAM,
    /** Two or more people on screen: a conversation, a guest, a reaction. */
    FACES_VIDEO,
    /** A step-by-step explanation. */
    EXPLAINER,
    /** A carousel of images, one point a slide. */
    CAROUSEL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
