package io.contentfactory.studio.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;

/** Where one shot stands. The database's {@code generation_shots_status_check} lists the same values. */
public enum ShotStatus implements WireEnum {
    /** Not yet with a provider (or back after a failed attempt, for the next one). */
    PENDING,
    /**
     * Its provider call is in flight, recorded before the call: a shot found so after a crash may have a job at the
     * provider that nobody knows the id of, so it is never sent again.
     */
    SUBMITTING,
    /** The provider accepted it: its request id is stored, and the shot is polled, never submitted again. */
    SUBMITTED,
    SUCCEEDED,
    /** No model was left to try. */
    FAILED,
    CANCELLED;

    /** Still to be made: the generation waits for it. */
    public boolean open() {
        return this == PENDING || this == SUBMITTING || this == SUBMITTED;
    }

    public boolean mayBecome(ShotStatus next) {
        return next == this
                || switch (this) {
                    case PENDING -> EnumSet.of(SUBMITTING, FAILED, CANCELLED).contains(next);
                    case SUBMITTING ->
                        EnumSet.of(SUBMITTED, PENDING, FAILED, CANCELLED).contains(next);
                    case SUBMITTED ->
                        EnumSet.of(PENDING, SUCCEEDED, FAILED, CANCELLED).contains(next);
                    case SUCCEEDED, FAILED, CANCELLED -> false;
                };
    }

    @Converter
    public static class Column extends WireEnum.Column<ShotStatus> {
        public Column() {
            super(ShotStatus.class);
        }
    }
}
