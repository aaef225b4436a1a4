package io.contentfactory.metrics.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.Comment;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.SentimentLabel;
import io.contentfactory.metrics.domain.TopicUse;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.contentfactory.metrics.persistence.CommentStore;
import io.contentfactory.metrics.persistence.PostRefStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A post's comments as the API shows them, a page at a time, with the post's sentiment and topics beside the project's
 * topics across its posts.
 */
@ApplicationScoped
public class CommentReadings {

    static final int MAX_TOPICS = 10;

    /** One target of the post, and what the last look at its comments came to (null before any). */
    public record TargetComments(UUID targetId, String platform, String lastLook) {}

    /** A page of the post's comments, and what holds across all of them. */
    public record CommentsPage(
            UUID postId,
            Map<SentimentLabel, Long> sentiment,
            List<TopicUse> topics,
            List<TopicUse> projectTopics,
            List<TargetComments> targets,
            List<Comment> items,
            boolean more) {}

    private final PostRefStore refs;
    private final CheckpointStore checkpoints;
    private final CommentStore comments;
    private final TenantScope tenancy;

    CommentReadings(PostRefStore refs, CheckpointStore checkpoints, CommentStore comments, TenantScope tenancy) {
        this.refs = refs;
        this.checkpoints = checkpoints;
        this.comments = comments;
        this.tenancy = tenancy;
    }

    /** A page of a published post's comments, newest first; a post never published is a 404. */
    @WithSpan("CommentReadings.ofPost")
    public Uni<CommentsPage> ofPost(
            @SpanAttribute("project.id") UUID projectId,
            String ref,
            Optional<SentimentLabel> sentiment,
            Optional<Instant> afterAt,
            Optional<UUID> afterId,
            int limit) {
        return refs.postId(projectId, ref)
                .chain(postId -> tenancy.transaction(projectId, () -> checkpoints.ofPost(projectId, postId))
                        .chain(found -> {
                            if (found.isEmpty()) {
                                throw new DomainError.NotFound("published post", ref);
                            }
                            return page(projectId, postId, targets(found), sentiment, afterAt, afterId, limit);
                        }));
    }

    private Uni<CommentsPage> page(
            UUID projectId,
            UUID postId,
            List<TargetComments> targets,
            Optional<SentimentLabel> sentiment,
            Optional<Instant> afterAt,
            Optional<UUID> afterId,
            int limit) {
        return comments.page(projectId, postId, sentiment, afterAt, afterId, limit + 1)
                .chain(items -> comments.sentimentCounts(projectId, postId)
                        .chain(counts -> comments.topics(projectId, Optional.of(postId), MAX_TOPICS)
                                .chain(topics -> comments.topics(projectId, Optional.empty(), MAX_TOPICS)
                                        .map(projectTopics -> new CommentsPage(
                                                postId,
                                                counts,
                                                topics,
                                                projectTopics,
                                                targets,
                                                items.size() > limit ? items.subList(0, limit) : items,
                                                items.size() > limit)))));
    }

    /** Each target once, with the note of its latest checkpoint that looked at comments. */
    private static List<TargetComments> targets(List<MetricCheckpoint> checkpoints) {
        Map<UUID, TargetComments> byTarget = new LinkedHashMap<>();
        for (MetricCheckpoint checkpoint : checkpoints) {
            TargetComments known = byTarget.get(checkpoint.targetId);
            if (known == null || checkpoint.commentsNote != null) {
                byTarget.put(
                        checkpoint.targetId,
                        new TargetComments(
                                checkpoint.targetId,
                                checkpoint.platform,
                                checkpoint.commentsNote != null
                                        ? checkpoint.commentsNote
                                        : known == null ? null : known.lastLook()));
            }
        }
        return new ArrayList<>(byTarget.values());
    }
}
