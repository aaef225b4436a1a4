package io.contentfactory.studio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One post being generated: what it is made from, its shape, its money, and where it stands. */
@Entity
@Table(name = "generations")
public class Generation {

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Convert(converter = GenerationStatus.Column.class)
    public GenerationStatus status;

    /** {@code prompt}, {@code brief} or {@code plan}. */
    @Column(name = "source_type")
    public String sourceType;

    /** The brief's or plan's id; null for a prompt. */
    @Column(name = "source_id")
    public UUID sourceId;

    public String prompt;

    @Convert(converter = GenerationFormatColumn.class)
    public GenerationFormat format;

    /** Comma-separated platform names, in the caller's order. */
    public String platforms;

    @Column(name = "aspect_ratio")
    public String aspectRatio;

    @Column(name = "length_seconds")
    public BigDecimal lengthSeconds;

    public String style;

    /** The caller's cap on this generation, in US dollars; null for none (the project's month still applies). */
    @Column(name = "budget_cap")
    public BigDecimal budgetCap;

    @Column(name = "estimated_cost")
    public BigDecimal estimatedCost;

    @Column(name = "actual_cost")
    public BigDecimal actualCost;

    @Column(name = "auto_post")
    public boolean autoPost;

    /** The media item ingest-service made of the result. */
    @Column(name = "media_id")
    public UUID mediaId;

    /** Why it failed, as publishing reports it: {code, message, stage, retryable, details}. */
    @Column(name = "error_json")
    public String errorJson;

    /** Every media item ingest-service made of the result, comma-separated: one, or a carousel's stills in order. */
    @Column(name = "media_ids")
    public String mediaIds;

    /**
     * When the worker next looks at it (the timer's column; the worker's own statements move it, so an update of this
     * entity never does).
     */
    @Column(name = "fire_at", updatable = false)
    public Instant fireAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public void moveTo(GenerationStatus next, Instant at) {
        if (status != null && !status.mayBecome(next)) {
            throw new IllegalStateException(
                    "generation " + id + " cannot go from " + status.wire() + " to " + next.wire());
        }
        status = next;
        updatedAt = at;
    }

    /** The worker took it up: its shots go to the providers. */
    public void start(Instant at) {
        moveTo(GenerationStatus.GENERATING, at);
    }

    /** Every shot is made. */
    public void assemble(Instant at) {
        moveTo(GenerationStatus.ASSEMBLING, at);
    }

    /** ingest-service has the result as {@code media}; the cost is what the shots cost. */
    public void complete(java.util.List<UUID> media, BigDecimal cost, Instant at) {
        mediaId = media.getFirst();
        mediaIds = String.join(",", media.stream().map(UUID::toString).toList());
        actualCost = cost;
        moveTo(GenerationStatus.COMPLETED, at);
    }

    /** Ended without a result; what was already made is paid for. */
    public void fail(String error, BigDecimal cost, Instant at) {
        errorJson = error;
        actualCost = cost;
        moveTo(GenerationStatus.FAILED, at);
    }

    /** What its shots cost so far: those made. */
    public static BigDecimal costOf(java.util.List<GenerationShot> shots) {
        return shots.stream()
                .map(shot -> shot.cost)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public java.util.List<UUID> mediaIdList() {
        return mediaIds == null || mediaIds.isBlank()
                ? java.util.List.of()
                : java.util.Arrays.stream(mediaIds.split(","))
                        .map(UUID::fromString)
                        .toList();
    }

    /** Stops it: a generation that already ended stays as it is (false). */
    public boolean cancel(Instant at) {
        if (status.ended()) {
            return false;
        }
        moveTo(GenerationStatus.CANCELLED, at);
        return true;
    }

    public java.util.List<String> platformList() {
        return platforms == null || platforms.isBlank() ? java.util.List.of() : java.util.List.of(platforms.split(","));
    }

    @jakarta.persistence.Converter
    public static class GenerationFormatColumn
            implements jakarta.persistence.AttributeConverter<GenerationFormat, String> {
        @Override
        public String convertToDatabaseColumn(GenerationFormat value) {
            return value == null ? null : value.wire();
        }

        @Override
        public GenerationFormat convertToEntityAttribute(String value) {
            return value == null ? null : GenerationFormat.fromWire(value);
        }
    }
}
