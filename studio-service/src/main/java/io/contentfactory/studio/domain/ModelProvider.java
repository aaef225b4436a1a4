package io.contentfactory.studio.domain;

import java.util.Locale;

/** Who runs a generation model, each with its own flow (docs in studio-service/README.md). */
public enum ModelProvider {
    /** {@code generateContent} with image output. */
    GEMINI,
    /** The queue API: submit, status ({@code IN_QUEUE}, {@code IN_PROGRESS}, {@code COMPLETED}), result. */
    FAL,
    /** Predictions: create, poll {@code starting}/{@code processing}/{@code succeeded}/{@code failed}/{@code canceled}. */
    REPLICATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelProvider fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
