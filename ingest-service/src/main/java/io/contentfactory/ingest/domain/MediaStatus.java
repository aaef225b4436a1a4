package io.contentfactory.ingest.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a media item stands here, with the moves it may make. The database's {@code media_assets_status_check} lists
 * the same values in lower case ({@link #wire()}), as the API shows them. How far its analysis has come is a separate
 * column, reported by analysis-service.
 */
public enum MediaStatus implements WireEnum {
    /** Its bytes are arriving; the count shows how far. */
    RECEIVING,
    INGESTED,
    /** Its bytes are not media we take; kept, with the reason. */
    REJECTED,
    /** Its transfer failed (too large, cut short, unreachable). */
    FAILED,
    /** The same bytes as an item the project already has. */
    DUPLICATE,
    ANALYZED,
    SCHEDULED,
    POSTED,
    ARCHIVED;

    /** Items that hold their bytes: a later copy of the same bytes points at one of them. */
    public static final Set<MediaStatus> HOLDING_BYTES = EnumSet.complementOf(EnumSet.of(RECEIVING, FAILED, DUPLICATE));

    public boolean holdsBytes() {
        return HOLDING_BYTES.contains(this);
    }

    /** Whether an item may move from this status to {@code next}; staying where it is is always allowed. */
    public boolean mayBecome(MediaStatus next) {
        return next == this
                || switch (this) {
                    case RECEIVING ->
                        EnumSet.of(INGESTED, REJECTED, FAILED, DUPLICATE).contains(next);
                    case INGESTED ->
                        EnumSet.of(ANALYZED, SCHEDULED, POSTED, ARCHIVED).contains(next);
                    case ANALYZED -> EnumSet.of(SCHEDULED, POSTED, ARCHIVED).contains(next);
                    case SCHEDULED -> EnumSet.of(POSTED, ARCHIVED).contains(next);
                    case POSTED, REJECTED -> next == ARCHIVED;
                    case FAILED, DUPLICATE, ARCHIVED -> false;
                };
    }

    public static MediaStatus ofWire(String value) {
        return WireEnum.ofWire(MediaStatus.class, value);
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<MediaStatus> {
        public Column() {
            super(MediaStatus.class);
        }
    }
}
