package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One attempt to publish one post target. Its lease columns belong to the runner's durable timer. */
@Entity
@Table(name = "publish_jobs")
public class PublishJob {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "media_id")
    public UUID mediaId;

    public String platform;

    @Column(name = "account_id")
    public String accountId;

    public String format;

    @Column(name = "media_type")
    public String mediaType;

    @Convert(converter = JobStatus.Column.class)
    public JobStatus status;

    @Column(name = "media_url")
    public String mediaUrl;

    @Column(name = "content_type")
    public String contentType;
    /** The exact caption sent to the platform. */
    public String caption;

    @Column(name = "container_id")
    public String containerId;

    @Column(name = "published_media_id")
    public String publishedMediaId;

    public String permalink;

    @Column(name = "error_json")
    public String errorJson;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "fire_at")
    public Instant fireAt;
    /** Set on insert for a job that is never to run (refused by the preflight); afterwards only the runner's timer moves it. */
    @Column(name = "fired_at", updatable = false)
    public Instant firedAt;
    /** A carousel's items as JSON (an array of {@link CarouselItem}), in order; null for other formats. */
    @Column(name = "carousel_json")
    public String carouselJson;
    /** When the container, upload or submission was started on the platform: what our own quota counts keep to. */
    @Column(name = "started_at")
    public Instant startedAt;
    /** 1 for the job a post.due created; each automatic retry is a new job with the next number. */
    public int attempt;
    /** When the started post's outcome became unknown; null while it is known. */
    @Column(name = "unconfirmed_since")
    public Instant unconfirmedSince;
    /** How often the unknown outcome has been asked after. */
    @Column(name = "reconcile_attempts")
    public int reconcileAttempts;

    /** The outcome of the started post is unknown: it is asked after again, never started again. */
    public void markReconciling(Instant since, String reasonJson, Instant at) {
        moveTo(JobStatus.RECONCILING);
        unconfirmedSince = since;
        reconcileAttempts++;
        errorJson = reasonJson;
        updatedAt = at;
    }

    /** Asking after it did not tell within the window: a person decides. No new job is made for its target. */
    public void markNeedsDecision(Instant since, String reasonJson, Instant at) {
        moveTo(JobStatus.NEEDS_DECISION);
        unconfirmedSince = since;
        errorJson = reasonJson;
        updatedAt = at;
    }

    /** Moves the job to {@code next}, refusing a move its status does not allow (a published job never fails). */
    public void moveTo(JobStatus next) {
        if (status != null && !status.mayBecome(next)) {
            throw new IllegalStateException("job " + id + " cannot go from " + status.wire() + " to " + next.wire());
        }
        status = next;
    }

    /** What the platform adapter sends for this job. */
    public PublishRequest request() {
        return new PublishRequest(
                id,
                accountId,
                formatEnum(),
                MediaType.valueOf(mediaType.toUpperCase(Locale.ROOT)),
                mediaUrl,
                contentType,
                caption,
                createdAt,
                carousel());
    }

    public List<CarouselItem> carousel() {
        if (carouselJson == null) {
            return List.of();
        }
        try {
            return List.of(EventCodec.mapper().readValue(carouselJson, CarouselItem[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("job " + id + " has a carousel that is not JSON", e);
        }
    }

    public void carousel(List<CarouselItem> items) {
        try {
            carouselJson = items.isEmpty() ? null : EventCodec.mapper().writeValueAsString(items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Platform platformEnum() {
        return Platform.valueOf(platform.toUpperCase(Locale.ROOT));
    }

    public PostFormat formatEnum() {
        return PostFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }

    /** The next attempt: a new queued job for the same target and caption, without this one's container. */
    public PublishJob retryAt(Instant fireAt) {
        PublishJob retry = new PublishJob();
        retry.projectId = projectId;
        retry.id = java.util.UUID.randomUUID();
        retry.postId = postId;
        retry.targetId = targetId;
        retry.mediaId = mediaId;
        retry.platform = platform;
        retry.accountId = accountId;
        retry.format = format;
        retry.mediaType = mediaType;
        retry.status = JobStatus.QUEUED;
        retry.mediaUrl = mediaUrl;
        retry.contentType = contentType;
        retry.caption = caption;
        retry.carouselJson = carouselJson;
        retry.createdAt = Instant.now();
        retry.updatedAt = retry.createdAt;
        retry.fireAt = fireAt;
        retry.attempt = attempt + 1;
        return retry;
    }

    /** The event that says this job's post is live as {@code live}, published at {@code at}. */
    public io.contentfactory.contracts.events.PostPublished publishedEvent(LivePost live, Instant at) {
        return new io.contentfactory.contracts.events.PostPublished(
                postId,
                targetId,
                mediaId,
                id,
                platformEnum(),
                accountId,
                formatEnum(),
                live.externalId(),
                live.permalink(),
                caption,
                at);
    }

    /**
     * A person found the post live: the job is published with the post's id and permalink, and the event that says so
     * is returned for the caller to record.
     */
    public io.contentfactory.contracts.events.PostPublished confirmLive(LivePost live, Instant at) {
        moveTo(JobStatus.PUBLISHED);
        publishedMediaId = live.externalId();
        permalink = live.permalink();
        publishedAt = at;
        updatedAt = at;
        return publishedEvent(live, at);
    }
}
