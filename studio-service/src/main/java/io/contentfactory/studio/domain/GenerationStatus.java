package io.contentfactory.studio.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;

/**
 * Where a generation stands. The database's {@code generations_status_check} lists the same values in lower case.
 */
public enum GenerationStatus implements WireEnum {
    /** Planned, its models chosen and its cost estimated within budget; no provider called yet. */
    QUEUED,
    /** Its shots are with the providers. */
    GENERATING,
    /** Every shot is made; FFmpeg puts them together. */
    ASSEMBLING,
    /** The result is with ingest-service as a new media item. */
    COMPLETED,
    /** A shot had no model left, or the assembly or hand-off failed for good. */
    FAILED,
    CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean mayBecome(GenerationStatus next) {
        return next == this
                || switch (this) {
                    case QUEUED -> EnumSet.of(GENERATING, FAILED, CANCELLED).contains(next);
                    case GENERATING -> EnumSet.of(ASSEMBLING, FAILED, CANCELLED).contains(next);
                    case ASSEMBLING -> EnumSet.of(COMPLETED, FAILED, CANCELLED).contains(next);
                    case COMPLETED, FAILED, CANCELLED -> false;
                };
    }

    public static GenerationStatus ofWire(String value) {
        return WireEnum.ofWire(GenerationStatus.class, value);
    }

    @Converter
    public static class Column extends WireEnum.Column<GenerationStatus> {
        public Column() {
            super(GenerationStatus.class);
        }
    }
}
