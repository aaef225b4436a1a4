package io.contentfactory.scheduler.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.scheduler.domain.TargetStatus;
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
 * The dispatcher's statements, on a Vert.x pool connection in the caller's transaction (as the system role: a batch
 * spans projects). Firing a batch is one statement, whatever its size.
 */
@ApplicationScoped
public class FiringRepository {

    private final String catalog;
    private final NamedStatement fireDue;

    FiringRepository(ServiceConfig service) {
        this.catalog = service.table("media_catalog");
        this.fireDue = NamedStatement.of(fireStatement(
                service.table("post_targets"), service.table("posts"), service.table("planning_settings")));
    }

    /** A target just fired, with its new status and what its event needs from its post. */
    public record Fired(
            UUID id,
            UUID projectId,
            UUID postId,
            UUID mediaId,
            String platform,
            String accountId,
            String format,
            String mediaType,
            String mediaUrl,
            String contentType,
            Instant scheduledAt,
            TargetStatus status,
            String captionBody,
            String disclosure,
            String hashtags,
            String mediaIds) {}

    /** A media item of the catalog, for a carousel's items. */
    public record CatalogEntry(
            UUID projectId, UUID mediaId, String mediaType, String contentUrl, String contentType, String jpegUrl) {}

    /**
     * Claims up to {@code limit} due targets and fires them in the same statement: each gets the next lease epoch under
     * {@code owner} and its status. A manual post awaits a person; a project that requires approval withholds posts
     * not approved (a draft fails with {@code not_approved}, a rejected post is canceled); the rest are due. How late
     * each fired against its slot is recorded.
     */
    public Uni<List<Fired>> fireDue(SqlConnection connection, String owner, int limit) {
        return connection
                .preparedQuery(fireDue.sql())
                .execute(fireDue.bind(Arguments.of().text("lease_owner", owner).integer("fire_limit", limit)))
                .map(rows -> {
                    List<Fired> fired = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        fired.add(new Fired(
                                row.getUUID("id"),
                                row.getUUID("project_id"),
                                row.getUUID("post_id"),
                                row.getUUID("media_id"),
                                row.getString("platform"),
                                row.getString("account_id"),
                                row.getString("format"),
                                row.getString("media_type"),
                                row.getString("media_url"),
                                row.getString("content_type"),
                                row.getOffsetDateTime("scheduled_at").toInstant(),
                                TargetStatus.ofWire(row.getString("status")),
                                row.getString("caption_body"),
                                row.getString("caption_disclosure"),
                                row.getString("hashtags"),
                                row.getString("media_ids")));
                    }
                    return fired;
                });
    }

    /** Named parameters {@code lease_owner} and {@code fire_limit}; tables schema-qualified. Public for the test that checks its plan. */
    public static String fireStatement(String targetTable, String postTable, String settingsTable) {
        String withheld = "coalesce(s.require_approval, false) and p.review_status <> 'approved'";
        String sql =
                "with due as (" + DurableTimer.dueRows(targetTable, "project_id, id, post_id", "#{fire_limit}") + ")"
                        + " update " + targetTable
                        + " t set lease_owner = #{lease_owner}, lease_epoch = t.lease_epoch + 1, lease_until = null, fired_at = now(),"
                        + " fired_late_ms = greatest(0, floor(extract(epoch from now() - t.scheduled_at) * 1000))::bigint,"
                        + " status = case when " + withheld
                        + " then (case when p.review_status = 'rejected' then 'canceled' else 'failed' end)"
                        + "   when p.mode = 'manual' then 'awaiting_manual' else 'due' end,"
                        + " error_json = case when " + withheld
                        + " and p.review_status <> 'rejected' then json_build_object('code', 'not_approved',"
                        + "   'stage', 'approval', 'retryable', false, 'message', 'the project requires approval and the post was still a '"
                        + "   || p.review_status || ' when its slot came')::text else t.error_json end"
                        + " from due join " + postTable + " p on p.project_id = due.project_id and p.id = due.post_id"
                        + " left join " + settingsTable + " s on s.project_id = due.project_id"
                        + " where t.project_id = due.project_id and t.id = due.id"
                        + " returning t.id, t.project_id, t.post_id, t.media_id, t.platform, t.account_id, t.format, t.media_type, t.media_url,"
                        + " t.content_type, t.scheduled_at, t.status, p.caption_body, p.caption_disclosure, p.hashtags, p.media_ids";
        return sql;
    }

    public Uni<List<CatalogEntry>> catalog(SqlConnection connection, List<UUID> projectIds, List<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select m.project_id, m.media_id, m.media_type, m.content_url, m.content_type, m.jpeg_url from "
                + catalog + " m"
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
