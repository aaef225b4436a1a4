package io.contentfactory.scheduler.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a post target stands, with the moves it may make. The database's {@code post_targets_status_check} lists the
 * same values, written in lower case ({@link #wire()}), as the API shows them.
 */
public enum TargetStatus implements WireEnum {
    /** Its media is ingest-service's but not analysed here yet. */
    WAITING_FOR_MEDIA,
    /** Waiting for the planner to give it a slot. */
    QUEUED,
    /** Has its slot; the timer fires it then. */
    PLANNED,
    /** Fired: publisher-service has its {@code post.due}. */
    DUE,
    PUBLISHING,
    PUBLISHED,
    FAILED,
    /** Fired for a person to post by hand. */
    AWAITING_MANUAL,
    CANCELED;

    /** Statuses whose post no longer changes: the target left the plan. A failed target does not fix its post. */
    public static final Set<TargetStatus> STARTED = EnumSet.of(DUE, PUBLISHING, PUBLISHED, AWAITING_MANUAL);

    public boolean started() {
        return STARTED.contains(this);
    }

    /** Not yet fired: a person may cancel it, or an upsert drop it. */
    public boolean cancelable() {
        return this == WAITING_FOR_MEDIA || this == QUEUED || this == PLANNED;
    }

    /** A manual post a person may mark as posted. */
    public boolean markable() {
        return this == QUEUED || this == PLANNED || this == AWAITING_MANUAL;
    }

    /** Whether the target may move from this status to {@code next}; staying where it is is always allowed. */
    public boolean mayBecome(TargetStatus next) {
        return next == this
                || switch (this) {
                    case WAITING_FOR_MEDIA ->
                        EnumSet.of(QUEUED, PLANNED, FAILED, CANCELED).contains(next);
                    case QUEUED, PLANNED ->
                        EnumSet.of(
                                        WAITING_FOR_MEDIA,
                                        QUEUED,
                                        PLANNED,
                                        DUE,
                                        AWAITING_MANUAL,
                                        PUBLISHED,
                                        FAILED,
                                        CANCELED)
                                .contains(next);
                    case DUE, PUBLISHING ->
                        EnumSet.of(PUBLISHING, PUBLISHED, FAILED).contains(next);
                    case AWAITING_MANUAL -> EnumSet.of(PUBLISHED, FAILED).contains(next);
                    case FAILED ->
                        EnumSet.of(WAITING_FOR_MEDIA, QUEUED, PLANNED, PUBLISHED)
                                .contains(next);
                    case PUBLISHED, CANCELED -> false;
                };
    }

    public static TargetStatus ofWire(String value) {
        return WireEnum.ofWire(TargetStatus.class, value);
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<TargetStatus> {
        public Column() {
            super(TargetStatus.class);
        }
    }
}
