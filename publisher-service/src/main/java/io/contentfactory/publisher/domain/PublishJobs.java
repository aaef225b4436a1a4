package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.publisher.persistence.PublishJobRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns a due post target into a queued publish job, unless the target is already published. */
@ApplicationScoped
public class PublishJobs {

    private static final Logger LOG = Logger.getLogger(PublishJobs.class);
    private final PublishJobRepository jobs;

    PublishJobs(PublishJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Call inside a transaction bound to {@code projectId}. Emits nothing: the job's outcome does. */
    public Uni<Void> enqueue(UUID projectId, PostDue due) {
        return jobs.latestForTarget(projectId, due.targetId()).chain(latest -> {
            if (latest != null && "published".equals(latest.status)) {
                LOG.infof("target %s is already published by job %s; no new job", due.targetId(), latest.id);
                return Uni.createFrom().voidItem();
            }
            if (latest != null && ("queued".equals(latest.status) || "processing".equals(latest.status))) {
                LOG.infof("target %s already has job %s in flight; no new job", due.targetId(), latest.id);
                return Uni.createFrom().voidItem();
            }
            return jobs.persist(newJob(projectId, due)).replaceWithVoid();
        });
    }

    private static PublishJob newJob(UUID projectId, PostDue due) {
        PublishJob job = new PublishJob();
        Instant now = Instant.now();
        job.projectId = projectId;
        job.id = UUID.randomUUID();
        job.postId = due.postId();
        job.targetId = due.targetId();
        job.mediaId = due.mediaId();
        job.platform = due.platform().name().toLowerCase();
        job.accountId = due.accountId();
        job.format = due.format().name().toLowerCase();
        job.mediaType = due.mediaType().name().toLowerCase();
        job.status = "queued";
        job.mediaUrl = due.mediaUrl();
        job.contentType = due.contentType();
        job.caption = CaptionComposer.compose(due.caption(), due.platform());
        job.createdAt = now;
        job.updatedAt = now;
        job.fireAt = now;
        job.attempt = 1;
        return job;
    }
}
