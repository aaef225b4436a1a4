package io.contentfactory.analysis.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/** What a provider was asked for; {@code provider_results}'s CHECK on {@code kind} lists the same values. */
public enum ProviderKind implements WireEnum {
    /** Speech to text. */
    TRANSCRIPT,
    /** Caption and hashtag suggestions from a language model. */
    CAPTIONS,
    /** A frame chosen by a vision model. */
    FRAMES;

    @Converter
    public static class Column extends WireEnum.Column<ProviderKind> {
        public Column() {
            super(ProviderKind.class);
        }
    }
}
