package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/**
 * Where a derivative-media plan stands: planned, then in production, then completed with the media item it produced.
 * A plan moves forward only; planned may go straight to completed (a derivative uploaded without anyone marking the
 * plan started). The database's {@code derivative_media_plans_status_check} lists the same values.
 */
public enum PlanStatus implements WireEnum {
    PLANNED,
    IN_PRODUCTION,
    COMPLETED;

    public boolean canMoveTo(PlanStatus next) {
        return next.ordinal() > ordinal();
    }

    public static PlanStatus ofWire(String value) {
        return WireEnum.ofWire(PlanStatus.class, value);
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<PlanStatus> {
        public Column() {
            super(PlanStatus.class);
        }
    }
}
