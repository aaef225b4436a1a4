package io.contentfactory.publisher.service;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.publisher.clients.AssetPreflight;
import io.contentfactory.publisher.domain.CaptionComposer;
import io.contentfactory.publisher.domain.ConnectionStatus;
import io.contentfactory.publisher.domain.JobStatus;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishDecision;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishJob;
import io.contentfactory.publisher.domain.PublishOrder;
import io.contentfactory.publisher.persistence.ConnectionRepository;
import io.contentfactory.publisher.persistence.PublishJobStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns a post target into a queued publish job, from a {@code post.due} event or from the API. A target whose latest
 * job is published gets no new job; neither does one with a job in flight. A job whose media or caption fails the
 * preflight is stored {@code failed} at stage {@code asset_preflight} and never reaches a platform.
 */
@ApplicationScoped
public class PublishJobService {

    private static final Logger LOG = Logger.getLogger(PublishJobService.class);
    private final PublishJobStore jobs;
    private final ConnectionRepository connections;
    private final AssetPreflight preflight;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final PublishRunner runner;

    PublishJobService(
            PublishJobStore jobs,
            ConnectionRepository connections,
            AssetPreflight preflight,
            Outbox outbox,
            TenantScope tenancy,
            PublishRunner runner) {
        this.jobs = jobs;
        this.connections = connections;
        this.preflight = preflight;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.runner = runner;
    }

    /**
     * The statement that makes a due post target's job ({@link PublishJobStore#intake}): queued, or failed at the
     * preflight with {@code post.failed}; none for a target already published or in flight.
     */
    public EventConsumer.Write intake(UUID projectId, PostDue due) {
        PublishOrder order = PublishOrder.of(due);
        PublishJob job = newJob(projectId, order);
        try {
            job.caption = CaptionComposer.compose(order.caption(), order.platform());
            job.mediaUrl = preflight.canonicalUrl(order.mediaUrl());
            job.carousel(preflight.canonicalCarousel(order.format(), order.carousel()));
        } catch (PublishFailure refused) {
            markRefused(job, refused.error());
            return jobs.intake(
                    job,
                    Optional.of(outbox.pending(
                            projectId,
                            new PostFailed(
                                    job.postId,
                                    job.targetId,
                                    job.mediaId,
                                    job.id,
                                    job.platformEnum(),
                                    job.accountId,
                                    refused.error()))));
        }
        return jobs.intake(job, Optional.empty());
    }

    /** What the API answers for a publish request that was refused before any job ran. */
    public record Refusal(int status, String code, String detail, UUID jobId, Map<String, Object> details) {}

    /**
     * A publish requested through the API. Refused without a job: a caption over the limits (422), a missing or
     * another project's connection (404), an inactive one (409), a target already published or in flight (409).
     * Refused with a failed job: media that fails the preflight (422, with the job's id). Otherwise the job is queued.
     */
    @WithSpan("PublishJobService.request")
    public Uni<PublishJob> request(@SpanAttribute("project.id") UUID projectId, PublishOrder order) {
        String caption = composeOrRefuse(order);
        return tenancy.transaction(
                        projectId,
                        () -> connections
                                .findAccount(projectId, order.platform().name().toLowerCase(), order.accountId())
                                .invoke(connection -> {
                                    if (connection == null) {
                                        throw DomainError.NotFound.coded(
                                                "connection_not_found",
                                                "this project has no "
                                                        + order.platform()
                                                                .name()
                                                                .toLowerCase() + " connection for account "
                                                        + order.accountId());
                                    }
                                    if (connection.status != ConnectionStatus.ACTIVE) {
                                        throw new DomainError.Conflict(
                                                "connection_" + connection.status.wire(),
                                                "the connection for account " + order.accountId() + " is "
                                                        + connection.status.wire());
                                    }
                                })
                                .chain(() -> jobs.latestForTarget(projectId, order.targetId()))
                                .invoke(latest -> refuseIfPublishedOrInFlight(order, latest)))
                .chain(() -> {
                    PublishJob job = newJob(projectId, order);
                    job.caption = caption;
                    String url;
                    try {
                        url = preflight.canonicalUrl(order.mediaUrl());
                        job.carousel(preflight.canonicalCarousel(order.format(), order.carousel()));
                    } catch (PublishFailure refused) {
                        return tenancy.transaction(projectId, () -> failPreflight(job, refused.error()))
                                .invoke(failed -> refuse(failed, refused));
                    }
                    job.mediaUrl = url;
                    return preflight
                            .check(job.request())
                            .chain(() -> tenancy.transaction(projectId, () -> jobs.persist(job)))
                            .onFailure(PublishJobService::anotherJobInFlight)
                            .transform(conflict -> new DomainError.Conflict(
                                    "publish_in_progress", "target " + order.targetId() + " has another job in flight"))
                            .invoke(runner::wake)
                            .onFailure(PublishFailure.class)
                            .recoverWithUni(failure -> tenancy.transaction(
                                            projectId, () -> failPreflight(job, ((PublishFailure) failure).error()))
                                    .invoke(failed -> refuse(failed, (PublishFailure) failure)));
                });
    }

    /**
     * A person's decision on a job that waits for one: it is published (with {@code post.published}), or failed with
     * {@code not_published} and {@code post.failed}, retryable, so that its target may be planned or published again.
     * Any other job refuses (409 {@code no_decision_needed}).
     */
    @WithSpan("PublishJobService.decide")
    public Uni<PublishJob> decide(@SpanAttribute("project.id") UUID projectId, UUID id, PublishDecision decision) {
        return tenancy.transaction(
                projectId,
                () -> jobs.findInProject(projectId, id).chain(job -> {
                    if (job == null) {
                        throw new DomainError.NotFound("publish job", id);
                    }
                    if (job.status != JobStatus.NEEDS_DECISION) {
                        throw new DomainError.Conflict(
                                "no_decision_needed",
                                "job " + id + " is " + job.status.wire()
                                        + "; only a job whose outcome stayed unknown (needs_decision) takes a decision");
                    }
                    Instant now = Instant.now();
                    job.updatedAt = now;
                    return switch (decision) {
                        case PublishDecision.Live live ->
                            outbox.record(
                                            projectId,
                                            job.confirmLive(new LivePost(live.externalId(), live.permalink()), now))
                                    .replaceWith(job);
                        case PublishDecision.NothingLive ignored -> {
                            PublishError error = new PublishError(
                                    "not_published",
                                    "a person found that nothing went live",
                                    "decision",
                                    true,
                                    Map.of());
                            job.moveTo(JobStatus.FAILED);
                            job.errorJson =
                                    EventCodec.mapper().valueToTree(error).toString();
                            yield outbox.record(
                                            projectId,
                                            new PostFailed(
                                                    job.postId,
                                                    job.targetId,
                                                    job.mediaId,
                                                    job.id,
                                                    job.platformEnum(),
                                                    job.accountId,
                                                    error))
                                    .replaceWith(job);
                        }
                    };
                }));
    }

    @WithSpan("PublishJobService.get")
    public Uni<PublishJob> get(@SpanAttribute("project.id") UUID projectId, UUID id) {
        return tenancy.transaction(projectId, () -> jobs.findInProject(projectId, id))
                .map(job -> {
                    if (job == null) {
                        throw new DomainError.NotFound("publish job", id);
                    }
                    return job;
                });
    }

    /** The project's latest jobs. */
    @WithSpan("PublishJobService.latest")
    public Uni<List<PublishJob>> latest(@SpanAttribute("project.id") UUID projectId, int limit) {
        return tenancy.transaction(projectId, () -> jobs.latest(projectId, limit));
    }

    /** A target's jobs, latest first. */
    @WithSpan("PublishJobService.forTarget")
    public Uni<List<PublishJob>> forTarget(
            @SpanAttribute("project.id") UUID projectId, @SpanAttribute("target.id") UUID targetId) {
        return tenancy.transaction(projectId, () -> jobs.forTarget(projectId, targetId));
    }

    private static String composeOrRefuse(PublishOrder order) {
        try {
            return CaptionComposer.compose(order.caption(), order.platform());
        } catch (PublishFailure refused) {
            throw new DomainError.Unprocessable(
                    refused.error().code(), refused.error().message());
        }
    }

    private static void refuseIfPublishedOrInFlight(PublishOrder order, PublishJob latest) {
        if (latest == null || !latest.status.barsANewJob()) {
            return;
        }
        if (latest.status == JobStatus.PUBLISHED) {
            throw new DomainError.Conflict(
                    "already_published",
                    "target " + order.targetId() + " was published by job " + latest.id + " (" + latest.permalink
                            + ")");
        }
        throw new DomainError.Conflict(
                "publish_in_progress",
                "target " + order.targetId() + " has job " + latest.id + " " + latest.status.wire());
    }

    private static void refuse(PublishJob failed, PublishFailure refused) {
        throw new DomainError.Unprocessable(
                refused.error().code(), refused.error().message() + " (job " + failed.id + ")");
    }

    /** The unique index on a target's queued or processing job refused a second one (a concurrent request). */
    private static boolean anotherJobInFlight(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("publish_jobs_one_in_flight_idx")) {
                return true;
            }
        }
        return false;
    }

    private Uni<PublishJob> failPreflight(PublishJob job, PublishError error) {
        markRefused(job, error);
        return jobs.persist(job);
    }

    private static void markRefused(PublishJob job, PublishError error) {
        LOG.warnf("job %s refused by the preflight: %s %s", job.id, error.code(), error.message());
        job.moveTo(JobStatus.FAILED);
        job.errorJson = EventCodec.mapper().valueToTree(error).toString();
        job.mediaUrl = job.mediaUrl == null ? "" : job.mediaUrl;
        job.caption = job.caption == null ? "" : job.caption;
        // A failed job is never claimed by the runner.
        job.firedAt = job.createdAt;
    }

    private static PublishJob newJob(UUID projectId, PublishOrder order) {
        PublishJob job = new PublishJob();
        Instant now = Instant.now();
        job.projectId = projectId;
        job.id = UUID.randomUUID();
        job.postId = order.postId();
        job.targetId = order.targetId();
        job.mediaId = order.mediaId();
        job.platform = order.platform().name().toLowerCase();
        job.accountId = order.accountId();
        job.format = order.format().name().toLowerCase();
        job.mediaType = order.mediaType().name().toLowerCase();
        job.moveTo(JobStatus.QUEUED);
        job.mediaUrl = order.mediaUrl();
        job.contentType = order.contentType();
        job.createdAt = now;
        job.updatedAt = now;
        job.fireAt = now;
        job.attempt = 1;
        return job;
    }
}
