package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.MetricsCollected.CommentSummary;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.clients.VaderSentiment;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.CommentClusters;
import io.contentfactory.metrics.domain.CommentTerms;
import io.contentfactory.metrics.domain.CommentsFetch;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.PlatformComment;
import io.contentfactory.metrics.domain.StoredComments;
import io.contentfactory.metrics.persistence.CommentStore;
import io.contentfactory.metrics.persistence.CommentStore.NewComment;
import io.contentfactory.metrics.platform.CommentsReader;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reads a post's new comments at a checkpoint, newest first, down to the newest one already stored, within the
 * checkpoint's call budget; scores each one's sentiment, finds its terms, and stores them with the post's topics. A
 * look that fails is not the checkpoint's failure: its numbers are recorded anyway, and the next checkpoint looks
 * again from the newest comment stored. Answers a note of what the look came to, shown with the checkpoint, and how many
 * of the target's comments are stored after it; {@link #summary} sums those up for the checkpoint's event.
 */
@ApplicationScoped
public class CommentCollector {

    private static final Logger LOG = Logger.getLogger(CommentCollector.class);

    /**
     * What a look at a target's comments came to.
     *
     * @param note   in words, shown with the checkpoint
     * @param stored how many of the target's comments are stored after it; null when the platform's comments cannot
     *               be read at all
     */
    public record CommentsLook(String note, Long stored) {

        static CommentsLook unreadable(String note) {
            return new CommentsLook(note, null);
        }
    }

    private final Map<Platform, CommentsReader> readers = new EnumMap<>(Platform.class);
    private final CommentStore comments;
    private final VaderSentiment sentiment;
    private final CommentTerms terms;
    private final int maxPages;
    private final Vertx vertx;

    CommentCollector(
            Instance<CommentsReader> readers,
            CommentStore comments,
            VaderSentiment sentiment,
            MetricsConfig config,
            Vertx vertx) {
        readers.forEach(reader -> this.readers.put(reader.platform(), reader));
        this.vertx = vertx;
        this.comments = comments;
        this.sentiment = sentiment;
        this.terms = new CommentTerms(sentiment.sentimentWords());
        this.maxPages = config.comments().maxPages();
    }

    /**
     * Reads the post's comments newer than the newest of {@code stored}; when the platform's own count
     * ({@code platformCount}, null if it reported none) equals what is stored, there is nothing new, and no call is
     * spent on it.
     */
    @WithSpan("CommentCollector.collect")
    public Uni<CommentsLook> collect(
            @SpanAttribute("project.id") UUID projectId,
            MetricCheckpoint checkpoint,
            String token,
            StoredComments stored,
            Long platformCount) {
        CommentsReader reader = readers.get(Platform.valueOf(checkpoint.platform.toUpperCase(Locale.ROOT)));
        if (reader == null) {
            return Uni.createFrom()
                    .item(CommentsLook.unreadable(
                            "comments not read: no comments reader for " + checkpoint.platform + " yet"));
        }
        if (reader.exposesComments() && stored.allOf(platformCount)) {
            return Uni.createFrom()
                    .item(new CommentsLook(
                            "no new comments: the platform counts " + platformCount + ", all stored", stored.count()));
        }
        return reader.newest(
                        projectId,
                        checkpoint.externalPostId,
                        token,
                        stored.newest().orElse(null),
                        maxPages)
                .chain(fetch -> switch (fetch) {
                    case CommentsFetch.Fetched(List<PlatformComment> found, boolean complete) ->
                        analysed(found)
                                .chain(analysed -> comments.store(checkpoint, analysed, Instant.now()))
                                .map(added -> new CommentsLook(
                                        added
                                                + (added == 1 ? " new comment" : " new comments")
                                                + (complete ? "" : "; more are left for the next checkpoint"),
                                        stored.count() + added));
                    case CommentsFetch.NotReadable(String reason) ->
                        Uni.createFrom().item(CommentsLook.unreadable("comments not readable: " + reason));
                    case CommentsFetch.Failed(String reason) ->
                        Uni.createFrom()
                                .item(new CommentsLook("comments not read this time: " + reason, stored.count()));
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(failure, "reading the comments of target %s failed", checkpoint.targetId);
                    return new CommentsLook(
                            "comments not read this time: " + failure.getClass().getSimpleName(), stored.count());
                });
    }

    /**
     * The target's stored comments summed up after {@code look}: null when they cannot be read, without a statement
     * when none is stored.
     */
    public Uni<CommentSummary> summary(UUID projectId, UUID targetId, CommentsLook look) {
        if (look.stored() == null) {
            return Uni.createFrom().nullItem();
        }
        if (look.stored() == 0) {
            return Uni.createFrom().item(CommentClusters.none());
        }
        return comments.clusterCounts(projectId, targetId).map(CommentClusters::of);
    }

    /**
     * Each comment's sentiment and terms, worked out on a worker thread: a look may bring hundreds of comments, too
     * much work for the event loop. The answer comes back on the caller's context.
     */
    private Uni<List<NewComment>> analysed(List<PlatformComment> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return vertx.executeBlocking(
                Uni.createFrom()
                        .item(() -> found.stream()
                                .map(comment ->
                                        new NewComment(comment, sentiment.of(comment.text()), terms.of(comment.text())))
                                .toList()),
                false);
    }
}
