package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.MediaProfile;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Each media item's analysis as {@code media.analyzed} last told it. Call inside a project-bound transaction. */
@ApplicationScoped
public class MediaProfileStore {

    private final String table;

    MediaProfileStore(ServiceConfig service) {
        this.table = service.table("media_profiles");
    }

    public Uni<Void> record(UUID projectId, MediaAnalyzed analyzed) {
        String sql = "insert into " + table
                + " (project_id, media_id, media_type, duration_sec, pre_social_score, features, analyzed_at)"
                + " values (?1, ?2, ?3, ?4, ?5, cast(cast(?6 as text) as jsonb), now()) on conflict (project_id, media_id) do update set"
                + " media_type = excluded.media_type, duration_sec = excluded.duration_sec,"
                + " pre_social_score = excluded.pre_social_score, features = excluded.features, analyzed_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, analyzed.mediaId())
                        .setParameter(3, analyzed.mediaType().name().toLowerCase(java.util.Locale.ROOT))
                        .setParameter(4, analyzed.durationSec())
                        .setParameter(5, analyzed.preSocialScore())
                        .setParameter(6, JsonColumns.write(analyzed.features()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<MediaProfile>> of(UUID mediaId) {
        String sql = "select media_type, duration_sec, pre_social_score, features::text from " + table
                + " where media_id = ?1";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, mediaId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> profile(mediaId, row)));
    }

    private static MediaProfile profile(UUID mediaId, Object[] row) {
        String features = (String) row[3];
        return new MediaProfile(
                mediaId,
                (String) row[0],
                row[1] == null ? null : ((Number) row[1]).doubleValue(),
                ((Number) row[2]).doubleValue(),
                JsonColumns.read(features, AnalysisFeatures.class));
    }
}
