package io.contentfactory.publisher.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a publish job stands, with the moves it may make. The database's {@code publish_jobs_status_check} lists the
 * same values in lower case ({@link #wire()}), and {@code publish_jobs_one_in_flight_idx} the in-flight ones.
 */
public enum JobStatus implements WireEnum {
    QUEUED,
    /** Claimed by a runner, which may have started a post on the platform. */
    PROCESSING,
    /** A post was started and its outcome is unknown: it is asked after again, never started again. */
    RECONCILING,
    /** Asking after it did not tell within the window: a person decides. */
    NEEDS_DECISION,
    PUBLISHED,
    FAILED;

    /** Jobs that hold their target: no other job is made for it meanwhile. */
    public static final Set<JobStatus> IN_FLIGHT = EnumSet.of(QUEUED, PROCESSING, RECONCILING, NEEDS_DECISION);

    /**
     * Jobs after which their target gets no new one: one in flight, or one published. The API's refusal and the
     * intake's statement both ask this.
     */
    public static final Set<JobStatus> BARS_A_NEW_JOB = barringANewJob();

    private static Set<JobStatus> barringANewJob() {
        EnumSet<JobStatus> barring = EnumSet.copyOf(IN_FLIGHT);
        barring.add(PUBLISHED);
        return barring;
    }

    public boolean barsANewJob() {
        return BARS_A_NEW_JOB.contains(this);
    }

    /** Whether a job may move from this status to {@code next}; staying where it is is always allowed. */
    public boolean mayBecome(JobStatus next) {
        return next == this
                || switch (this) {
                    case QUEUED -> EnumSet.of(PROCESSING, FAILED).contains(next);
                    case PROCESSING ->
                        EnumSet.of(QUEUED, RECONCILING, NEEDS_DECISION, PUBLISHED, FAILED)
                                .contains(next);
                    case RECONCILING ->
                        EnumSet.of(NEEDS_DECISION, PUBLISHED, FAILED).contains(next);
                    case NEEDS_DECISION -> EnumSet.of(PUBLISHED, FAILED).contains(next);
                    case PUBLISHED, FAILED -> false;
                };
    }

    public static JobStatus ofWire(String value) {
        return WireEnum.ofWire(JobStatus.class, value);
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<JobStatus> {
        public Column() {
            super(JobStatus.class);
        }
    }
}
