package io.contentfactory.scheduler.persistence;

import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.scheduler.domain.MediaEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MediaCatalogStore implements PanacheRepositoryBase<MediaEntry, UUID> {

    private final String table;
    private final String unusable;

    MediaCatalogStore(ServiceConfig service) {
        this.table = service.table("media_catalog");
        this.unusable = service.table("unusable_media");
    }

    /** Records an analysed media item, or what a later analysis says of it. Run it bound to the project. */
    public Uni<Void> record(UUID projectId, MediaAnalyzed media) {
        String sql = "insert into " + table
                + " (project_id, media_id, media_type, content_url, content_type, pre_social_score,"
                + " jpeg_url, analyzed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) on conflict (project_id, media_id) do update set"
                + " media_type = excluded.media_type, content_url = excluded.content_url, content_type = excluded.content_type,"
                + " pre_social_score = excluded.pre_social_score, jpeg_url = excluded.jpeg_url, analyzed_at = excluded.analyzed_at";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, media.mediaId())
                        .setParameter(3, media.mediaType().name().toLowerCase())
                        .setParameter(4, media.contentUrl())
                        .setParameter(5, media.contentType())
                        .setParameter(6, media.preSocialScore())
                        .setParameter(7, media.jpegUrl())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Records that an item will never be analysed, with why. Run it bound to the project. */
    public Uni<Void> recordUnusable(UUID projectId, UUID mediaId, String code, String reason) {
        String sql = "insert into " + unusable + " (project_id, media_id, code, reason) values (?1, ?2, ?3, ?4)"
                + " on conflict (project_id, media_id) do update set code = excluded.code, reason = excluded.reason,"
                + " recorded_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, mediaId)
                        .setParameter(3, code)
                        .setParameter(4, reason)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** An item being analysed again may yet become usable. Run it bound to the project. */
    public Uni<Void> forgetUnusable(UUID projectId, UUID mediaId) {
        String sql = "delete from " + unusable + " where project_id = ?1 and media_id = ?2";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, mediaId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Why each of {@code mediaIds} that will never be analysed is so, by media id. Run it bound to the project. */
    public Uni<java.util.Map<UUID, String>> unusable(UUID projectId, Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        String sql = "select media_id, reason from " + unusable + " where project_id = ?1 and media_id = any(?2)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, projectId)
                        .setParameter(2, mediaIds.toArray(UUID[]::new))
                        .getResultList())
                .map(rows -> rows.stream()
                        .collect(java.util.stream.Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1])));
    }

    public Uni<List<MediaEntry>> findAll(UUID projectId, Collection<UUID> mediaIds) {
        return list("projectId = ?1 and mediaId in ?2", projectId, mediaIds);
    }

    /** A media item of the catalog, for a carousel's items. */
    public record CatalogEntry(
            UUID projectId, UUID mediaId, String mediaType, String contentUrl, String contentType, String jpegUrl) {}

    public Uni<List<CatalogEntry>> catalog(SqlConnection connection, List<UUID> projectIds, List<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select m.project_id, m.media_id, m.media_type, m.content_url, m.content_type, m.jpeg_url from "
                + table + " m"
                + " join unnest($1::uuid[], $2::uuid[]) as w(project_id, media_id) on m.project_id = w.project_id and m.media_id = w.media_id";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(projectIds.toArray(UUID[]::new), mediaIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<CatalogEntry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new CatalogEntry(
                                row.getUUID("project_id"),
                                row.getUUID("media_id"),
                                row.getString("media_type"),
                                row.getString("content_url"),
                                row.getString("content_type"),
                                row.getString("jpeg_url")));
                    }
                    return entries;
                });
    }
}
