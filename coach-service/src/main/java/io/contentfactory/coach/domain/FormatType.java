package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/** The seed's derivative formats: what a media item can be remade as. */
public enum FormatType implements WireEnum {
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

    /** Stores the format as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<FormatType> {
        public Column() {
            super(FormatType.class);
        }
    }
}
