package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.timer.TimerClaim;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatcher's statements, a batch at a time on a Vert.x pool connection in the caller's transaction (as the
 * system role: a batch spans projects). A batch costs three statements, however many targets it fires.
 */
@ApplicationScoped
public class FiringRepository {

    private final String targets;
    private final String posts;
    private final String settings;
    private final String catalog;

    FiringRepository(ServiceConfig service) {
        this.targets = service.table("post_targets");
        this.posts = service.table("posts");
        this.settings = service.table("planning_settings");
        this.catalog = service.table("media_catalog");
    }

    /** A claimed target with what firing it needs: its post, and whether its project publishes approved posts only. */
    public record Due(UUID id, UUID projectId, UUID postId, UUID mediaId, String platform, String accountId, String format,
            String mediaType, String mediaUrl, String contentType, Instant scheduledAt, String mode, String reviewStatus,
            String captionBody, String disclosure, String hashtags, String mediaIds, boolean requireApproval) {
    }

    /** A media item of the catalog, for a carousel's items. */
    public record CatalogEntry(UUID projectId, UUID mediaId, String mediaType, String contentUrl, String contentType) {
    }

    /** How a target ended its wait: its new status and, if withheld, why. */
    public record Fired(UUID projectId, UUID id, String status, String errorJson) {
    }

    /** Locks the claimed targets whose claim still holds (same epoch, not fired), in fire order. */
    public Uni<List<Due>> lockClaimed(SqlConnection connection, List<TimerClaim> claims) {
        String sql = "select t.id, t.project_id, t.post_id, t.media_id, t.platform, t.account_id, t.format, t.media_type, t.media_url,"
                + " t.content_type, t.scheduled_at, p.mode, p.review_status, p.caption_body, p.caption_disclosure, p.hashtags,"
                + " p.media_ids, coalesce(s.require_approval, false) as require_approval"
                + " from " + targets + " t"
                + " join unnest($1::uuid[], $2::uuid[], $3::bigint[]) as c(project_id, id, epoch)"
                + " on t.project_id = c.project_id and t.id = c.id and t.lease_epoch = c.epoch"
                + " join " + posts + " p on p.project_id = t.project_id and p.id = t.post_id"
                + " left join " + settings + " s on s.project_id = t.project_id"
                + " where t.fired_at is null order by t.fire_at for update of t";
        UUID[] projects = claims.stream().map(TimerClaim::projectId).toArray(UUID[]::new);
        UUID[] ids = claims.stream().map(TimerClaim::id).toArray(UUID[]::new);
        Long[] epochs = claims.stream().map(TimerClaim::epoch).toArray(Long[]::new);
        return connection.preparedQuery(sql).execute(Tuple.of(projects, ids, epochs)).map(rows -> {
            List<Due> due = new ArrayList<>(rows.size());
            for (Row row : rows) {
                due.add(new Due(row.getUUID("id"), row.getUUID("project_id"), row.getUUID("post_id"), row.getUUID("media_id"),
                        row.getString("platform"), row.getString("account_id"), row.getString("format"), row.getString("media_type"),
                        row.getString("media_url"), row.getString("content_type"), row.getOffsetDateTime("scheduled_at").toInstant(),
                        row.getString("mode"), row.getString("review_status"), row.getString("caption_body"),
                        row.getString("caption_disclosure"), row.getString("hashtags"), row.getString("media_ids"),
                        row.getBoolean("require_approval")));
            }
            return due;
        });
    }

    public Uni<List<CatalogEntry>> catalog(SqlConnection connection, List<UUID> projectIds, List<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select m.project_id, m.media_id, m.media_type, m.content_url, m.content_type from " + catalog + " m"
                + " join unnest($1::uuid[], $2::uuid[]) as w(project_id, media_id) on m.project_id = w.project_id and m.media_id = w.media_id";
        return connection.preparedQuery(sql).execute(Tuple.of(projectIds.toArray(UUID[]::new), mediaIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<CatalogEntry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new CatalogEntry(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3), row.getString(4)));
                    }
                    return entries;
                });
    }

    /** Marks the targets fired with their new status, recording how late each fired against its slot. */
    public Uni<Void> markFired(SqlConnection connection, List<Fired> fired) {
        if (fired.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "update " + targets + " t set fired_at = now(), lease_until = null, status = u.status, error_json = u.error,"
                + " fired_late_ms = greatest(0, floor(extract(epoch from now() - t.scheduled_at) * 1000))::bigint"
                + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as u(project_id, id, status, error)"
                + " where t.project_id = u.project_id and t.id = u.id";
        return connection.preparedQuery(sql).execute(Tuple.of(fired.stream().map(Fired::projectId).toArray(UUID[]::new),
                fired.stream().map(Fired::id).toArray(UUID[]::new),
                fired.stream().map(Fired::status).toArray(String[]::new), fired.stream().map(Fired::errorJson).toArray(String[]::new)))
                .replaceWithVoid();
    }
}
