package io.contentfactory.coach.persistence;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Every collected checkpoint of every post, as {@code metrics.collected} told it: the coach's own copy of what it
 * judges. A checkpoint read again (a redelivery, a manual report) replaces its earlier reading. Call inside a
 * project-bound transaction.
 */
@ApplicationScoped
public class PostCheckpointStore {

    private final String table;

    PostCheckpointStore(ServiceConfig service) {
        this.table = service.table("post_checkpoints");
    }

    public Uni<Void> record(UUID projectId, MetricsCollected metrics) {
        String sql = "insert into " + table
                + " (project_id, target_id, checkpoint, media_id, post_id, checked_at, reading)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(cast(?7 as text) as jsonb))"
                + " on conflict (project_id, target_id, checkpoint) do update set checked_at = excluded.checked_at,"
                + " reading = excluded.reading";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, metrics.targetId())
                        .setParameter(3, metrics.checkpoint())
                        .setParameter(4, metrics.mediaId())
                        .setParameter(5, metrics.postId())
                        .setParameter(6, metrics.checkedAt())
                        .setParameter(7, JsonColumns.write(metrics))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The media's collected checkpoints across all its posts, in the order they were read. */
    public Uni<List<MetricsCollected>> ofMedia(UUID mediaId) {
        String sql = "select reading::text from " + table + " where media_id = ?1 order by checked_at, target_id";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, String.class)
                        .setParameter(1, mediaId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(json -> JsonColumns.read(json, MetricsCollected.class))
                        .toList());
    }
}
