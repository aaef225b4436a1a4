package io.contentfactory.publisher.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a publish job stands, with the moves it may make. The database's {@code publish_jobs_status_check} lists the
 * same values in lower case ({@link #wire()}), and {@code publish_jobs_one_in_flight_idx} the in-flight ones.
 */
public enum JobStatus {
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

    public boolean inFlight() {
        return IN_FLIGHT.contains(this);
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

    /** The status as the database and the API write it: {@code queued}, {@code needs_decision}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus ofWire(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job status '" + value + "'"));
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column implements AttributeConverter<JobStatus, String> {
        @Override
        public String convertToDatabaseColumn(JobStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public JobStatus convertToEntityAttribute(String value) {
            return value == null ? null : ofWire(value);
        }
    }
}
