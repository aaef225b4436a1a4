package io.contentfactory.metrics.api;

import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.domain.Comment;
import io.contentfactory.metrics.domain.SentimentLabel;
import io.contentfactory.metrics.domain.TopicUse;
import io.contentfactory.metrics.service.CommentReadings;
import io.contentfactory.metrics.service.CommentReadings.CommentsPage;
import io.contentfactory.metrics.service.CommentReadings.TargetComments;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/posts/{ref}/comments}, reached through the gateway, which sends this sub-resource of posts here. */
@Authenticated
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final CommentReadings readings;
    private final CallerProject caller;

    CommentsResource(CommentReadings readings, CallerProject caller) {
        this.readings = readings;
        this.caller = caller;
    }

    @Schema(name = "Comment")
    public record CommentView(
            UUID id,
            UUID targetId,
            String platform,

            @Schema(description = "The platform's own id, a string")
            String platformCommentId,

            @Schema(description = "The platform id of the comment this one replies to; null for a top-level comment")
            String parentCommentId,

            String authorHandle,
            String text,

            @Schema(description = "null when the platform did not report it")
            Long likeCount,

            Instant createdAt,

            @Schema(description = "VADER's compound score, from -1 to 1")
            double sentimentScore,

            @Schema(enumeration = {"very_negative", "negative", "neutral", "positive", "very_positive"})
            String sentimentLabel,

            @Schema(description = "The post's topics this comment talks about")
            List<String> topicTags) {

        static CommentView of(Comment comment) {
            return new CommentView(
                    comment.id(),
                    comment.targetId(),
                    comment.platform(),
                    comment.platformCommentId(),
                    comment.parentCommentId(),
                    comment.authorHandle(),
                    comment.text(),
                    comment.likeCount(),
                    comment.commentedAt(),
                    comment.sentiment().score(),
                    comment.sentiment().label().wire(),
                    comment.topicTags());
        }
    }

    @Schema(name = "CommentTopic")
    public record TopicView(String tag, long posts, long comments) {
        static TopicView of(TopicUse use) {
            return new TopicView(use.tag(), use.posts(), use.comments());
        }
    }

    @Schema(name = "CommentSource")
    public record TargetView(
            UUID targetId,
            String platform,

            @Schema(
                    description = "What the last look at this target's comments came to: how many were new, or"
                            + " why they cannot be read (TikTok's public API has no comments); null before the"
                            + " first checkpoint")
            String lastLook) {
        static TargetView of(TargetComments target) {
            return new TargetView(target.targetId(), target.platform(), target.lastLook());
        }
    }

    @Schema(name = "CommentPage")
    public record CommentPageView(
            UUID postId,

            @Schema(description = "How many of the post's comments carry each label (every comment, not this page)")
            Map<String, Long> sentiment,

            @Schema(description = "The post's topics, by how many of its comments talk about each")
            List<TopicView> topics,

            @Schema(
                    description = "The project's topics across its posts, by how many posts' comments carry"
                            + " each: what this post's comments share with the rest, or not")
            List<TopicView> projectTopics,

            List<TargetView> targets,
            List<CommentView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {

        static CommentPageView of(CommentsPage page) {
            Map<String, Long> sentiment = new LinkedHashMap<>();
            page.sentiment().forEach((label, count) -> sentiment.put(label.wire(), count));
            List<Comment> items = page.items();
            String next = page.more()
                    ? new Keyset.Cursor(
                                    items.getLast().commentedAt(),
                                    items.getLast().id())
                            .encode()
                    : null;
            return new CommentPageView(
                    page.postId(),
                    sentiment,
                    page.topics().stream().map(TopicView::of).toList(),
                    page.projectTopics().stream().map(TopicView::of).toList(),
                    page.targets().stream().map(TargetView::of).toList(),
                    items.stream().map(CommentView::of).toList(),
                    next);
        }
    }

    @GET
    @Path("/posts/{ref}/comments")
    @Operation(
            operationId = "listPostComments",
            summary = "A published post's comments, newest first, with sentiment and topics",
            description = "Comments are read at the post's checkpoints. Pages of at most 'limit' comments; pass a"
                    + " page's nextCursor as 'after' for the next one.")
    @APIResponse(
            responseCode = "200",
            description = "A page of comments",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommentPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit, sentiment or cursor (codes invalid_limit, invalid_sentiment, invalid_cursor)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No published post with this id or reference in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<CommentPageView> ofPost(
            @Parameter(description = "The post's id or the project's own reference") @PathParam("ref") String ref,
            @Parameter(
                            description = "Only comments with this label",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "very_negative",
                                                "negative",
                                                "neutral",
                                                "positive",
                                                "very_positive"
                                            }))
                    @QueryParam("sentiment")
                    String sentiment,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Comments per page, 1 to 200",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                    @QueryParam("limit")
                    String limit) {
        Optional<SentimentLabel> label = sentiment == null || sentiment.isBlank()
                ? Optional.empty()
                : Optional.of(ApiValues.enumValue(SentimentLabel.class, sentiment, "invalid_sentiment"));
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return readings.ofPost(
                        caller.id(), ref, label, cursor.map(Keyset.Cursor::at), cursor.map(Keyset.Cursor::id), size)
                .map(CommentPageView::of);
    }
}
