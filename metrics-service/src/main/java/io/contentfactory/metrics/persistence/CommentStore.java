package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.domain.WireEnum;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.Comment;
import io.contentfactory.metrics.domain.CommentClusters;
import io.contentfactory.metrics.domain.CommentTopics;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.PlatformComment;
import io.contentfactory.metrics.domain.Sentiment;
import io.contentfactory.metrics.domain.SentimentLabel;
import io.contentfactory.metrics.domain.TopicUse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The comments of the project's posts. On the Vert.x pool, each write in a transaction of its own: storing a look's
 * comments is one multi-row insert that skips the ones already stored (by the platform's comment id), and then the
 * post's topic tags are recomputed over all its comments, since a new comment can make a word a topic.
 */
@ApplicationScoped
public class CommentStore {

    /** A comment read from its platform, with what was made of it, ready to be stored. */
    public record NewComment(PlatformComment comment, Sentiment sentiment, List<String> terms) {}

    private final TenantScope tenancy;
    private final String table;

    CommentStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.table = service.table("comments");
    }

    /** Stores the comments not stored yet and re-tags the post's comments; answers how many were new. */
    public Uni<Integer> store(MetricCheckpoint checkpoint, List<NewComment> comments, Instant fetchedAt) {
        if (comments.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tenancy.inProject(
                checkpoint.projectId,
                connection -> insert(connection, checkpoint, comments, fetchedAt)
                        .chain(added -> added == 0
                                ? Uni.createFrom().item(0)
                                : retag(connection, checkpoint.projectId, checkpoint.postId)
                                        .replaceWith(added)));
    }

    private Uni<Integer> insert(
            SqlConnection connection, MetricCheckpoint checkpoint, List<NewComment> comments, Instant fetchedAt) {
        int n = comments.size();
        UUID[] ids = new UUID[n];
        String[] platformIds = new String[n];
        String[] parents = new String[n];
        String[] authors = new String[n];
        String[] texts = new String[n];
        Long[] likes = new Long[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Double[] scores = new Double[n];
        String[] labels = new String[n];
        String[] terms = new String[n];
        for (int i = 0; i < n; i++) {
            NewComment comment = comments.get(i);
            ids[i] = UUID.randomUUID();
            platformIds[i] = comment.comment().id();
            parents[i] = comment.comment().parentId();
            authors[i] = comment.comment().authorHandle();
            texts[i] = comment.comment().text();
            likes[i] = comment.comment().likeCount();
            times[i] = comment.comment().createdAt().atOffset(ZoneOffset.UTC);
            scores[i] = comment.sentiment().score();
            labels[i] = comment.sentiment().label().wire();
            terms[i] = String.join(",", comment.terms());
        }
        String sql = "insert into " + table + " (project_id, id, post_id, target_id, media_id, platform,"
                + " platform_comment_id, parent_comment_id, author_handle, text, like_count, commented_at, fetched_at,"
                + " sentiment_score, sentiment_label, terms)"
                + " select $1, c.id, $2, $3, $4, $5, c.platform_id, c.parent, c.author, c.text, c.likes, c.at, $6,"
                + " c.score, c.label, string_to_array(c.terms, ',')"
                + " from unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[],"
                + " $13::timestamptz[], $14::float8[], $15::text[], $16::text[])"
                + " as c(id, platform_id, parent, author, text, likes, at, score, label, terms)"
                + " on conflict (project_id, platform, platform_comment_id) do nothing";
        Tuple arguments = Tuple.of(checkpoint.projectId, checkpoint.postId, checkpoint.targetId, checkpoint.mediaId)
                .addString(checkpoint.platform)
                .addOffsetDateTime(fetchedAt.atOffset(ZoneOffset.UTC))
                .addArrayOfUUID(ids)
                .addArrayOfString(platformIds)
                .addArrayOfString(parents)
                .addArrayOfString(authors)
                .addArrayOfString(texts)
                .addArrayOfLong(likes)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfDouble(scores)
                .addArrayOfString(labels)
                .addArrayOfString(terms);
        return connection.preparedQuery(sql).execute(arguments).map(rows -> rows.rowCount());
    }

    /** Recomputes the post's topics over all its comments and writes each comment's tags where they changed. */
    private Uni<Void> retag(SqlConnection connection, UUID projectId, UUID postId) {
        String read = "select id, terms from " + table + " where project_id = $1 and post_id = $2";
        return connection
                .preparedQuery(read)
                .execute(Tuple.of(projectId, postId))
                .chain(rows -> {
                    Map<UUID, List<String>> termsById = new LinkedHashMap<>();
                    for (Row row : rows) {
                        termsById.put(row.getUUID("id"), Arrays.asList(row.getArrayOfStrings("terms")));
                    }
                    CommentTopics topics = CommentTopics.of(new ArrayList<>(termsById.values()));
                    Map<UUID, List<String>> tags = topics.tagsOf(termsById);
                    String write = "update " + table + " c set topic_tags = string_to_array(t.tags, ',')"
                            + " from unnest($2::uuid[], $3::text[]) as t(id, tags)"
                            + " where c.project_id = $1 and c.id = t.id"
                            + " and c.topic_tags is distinct from string_to_array(t.tags, ',')";
                    return connection
                            .preparedQuery(write)
                            .execute(Tuple.of(
                                    projectId,
                                    tags.keySet().toArray(UUID[]::new),
                                    tags.values().stream()
                                            .map(list -> String.join(",", list))
                                            .toArray(String[]::new)))
                            .replaceWithVoid();
                });
    }

    /**
     * A page of the post's comments, newest first: those written before {@code afterAt} (or at it with a lower id)
     * when given, only those labelled {@code sentiment} when given; {@code limit} rows at most.
     */
    public Uni<List<Comment>> page(
            UUID projectId,
            UUID postId,
            Optional<SentimentLabel> sentiment,
            Optional<Instant> afterAt,
            Optional<UUID> afterId,
            int limit) {
        String sql = "select id, post_id, target_id, platform, platform_comment_id, parent_comment_id, author_handle,"
                + " text, like_count, commented_at, sentiment_score, sentiment_label, topic_tags from " + table
                + " where project_id = $1 and post_id = $2 and ($3::text is null or sentiment_label = $3)"
                + " and ($4::timestamptz is null or (commented_at, id) < ($4, $5))"
                + " order by commented_at desc, id desc limit $6";
        Tuple arguments = Tuple.of(projectId, postId)
                .addString(sentiment.map(SentimentLabel::wire).orElse(null))
                .addOffsetDateTime(
                        afterAt.map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null))
                .addUUID(afterId.orElse(null))
                .addInteger(limit);
        return tenancy.statementInProject(projectId, sql, arguments).map(rows -> {
            List<Comment> comments = new ArrayList<>();
            rows.forEach(row -> comments.add(comment(row)));
            return comments;
        });
    }

    /** How many of the post's comments carry each label. */
    public Uni<Map<SentimentLabel, Long>> sentimentCounts(UUID projectId, UUID postId) {
        String sql = "select sentiment_label, count(*) as comments from " + table
                + " where project_id = $1 and post_id = $2 group by sentiment_label";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, postId))
                .map(rows -> {
                    Map<SentimentLabel, Long> counts = new LinkedHashMap<>();
                    for (SentimentLabel label : SentimentLabel.values()) {
                        counts.put(label, 0L);
                    }
                    rows.forEach(row -> counts.put(
                            WireEnum.ofWire(SentimentLabel.class, row.getString("sentiment_label")),
                            row.getLong("comments")));
                    return counts;
                });
    }

    /** The topics of the post's comments (posts = 1), or of all the project's posts when {@code postId} is empty. */
    public Uni<List<TopicUse>> topics(UUID projectId, Optional<UUID> postId, int limit) {
        String sql = "select tag, count(distinct post_id) as posts, count(*) as comments from " + table
                + ", unnest(topic_tags) as tag where project_id = $1 and ($2::uuid is null or post_id = $2)"
                + " group by tag order by posts desc, comments desc, tag limit $3";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, postId.orElse(null), limit))
                .map(rows -> {
                    List<TopicUse> topics = new ArrayList<>();
                    rows.forEach(row -> topics.add(
                            new TopicUse(row.getString("tag"), row.getLong("posts"), row.getLong("comments"))));
                    return topics;
                });
    }

    /**
     * The target's comments counted by sentiment label, all of them (topic null) and per topic tag, in one statement.
     */
    public Uni<List<CommentClusters.Count>> clusterCounts(UUID projectId, UUID targetId) {
        String sql = "select null::text as tag, sentiment_label, count(*) as comments from " + table
                + " where project_id = $1 and target_id = $2 group by sentiment_label"
                + " union all select tag, sentiment_label, count(*) from " + table
                + ", unnest(topic_tags) as tag where project_id = $1 and target_id = $2 group by tag, sentiment_label";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, targetId))
                .map(rows -> {
                    List<CommentClusters.Count> counts = new ArrayList<>();
                    rows.forEach(row -> counts.add(new CommentClusters.Count(
                            row.getString("tag"),
                            WireEnum.ofWire(SentimentLabel.class, row.getString("sentiment_label")),
                            row.getLong("comments"))));
                    return counts;
                });
    }

    private static Comment comment(Row row) {
        return new Comment(
                row.getUUID("id"),
                row.getUUID("post_id"),
                row.getUUID("target_id"),
                row.getString("platform"),
                row.getString("platform_comment_id"),
                row.getString("parent_comment_id"),
                row.getString("author_handle"),
                row.getString("text"),
                row.getLong("like_count"),
                row.getOffsetDateTime("commented_at").toInstant(),
                new Sentiment(
                        row.getDouble("sentiment_score"),
                        WireEnum.ofWire(SentimentLabel.class, row.getString("sentiment_label"))),
                Arrays.asList(row.getArrayOfStrings("topic_tags")));
    }
}
