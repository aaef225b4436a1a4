package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalDouble;
import java.util.UUID;

/** Each media item's pre-social score, as {@code media.analyzed} last told it. */
@ApplicationScoped
public class MediaPredictionStore {

    private final TenantScope tenancy;
    private final String table;

    MediaPredictionStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.table = service.table("media_predictions");
    }

    public Uni<Void> record(UUID projectId, UUID mediaId, Double preSocialScore) {
        String sql = "insert into " + table + " (project_id, media_id, pre_social_score, updated_at)"
                + " values (?1, ?2, ?3, now()) on conflict (project_id, media_id)"
                + " do update set pre_social_score = excluded.pre_social_score, updated_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, mediaId)
                        .setParameter(3, preSocialScore)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Read on the pool in a short transaction of its own. */
    public Uni<OptionalDouble> of(UUID projectId, UUID mediaId) {
        String sql = "select pre_social_score from " + table + " where project_id = $1 and media_id = $2";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, mediaId))
                .map(rows -> {
                    Double score =
                            rows.size() == 0 ? null : rows.iterator().next().getDouble("pre_social_score");
                    return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
                });
    }
}
