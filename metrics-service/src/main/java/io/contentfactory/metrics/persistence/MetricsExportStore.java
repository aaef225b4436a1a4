package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.ExportedCheckpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checkpoints with what was read at each, a page at a time in due order (keyset on due time and id), for exports:
 * each page is one short read on the pool, so an export of any size holds no transaction open.
 */
@ApplicationScoped
public class MetricsExportStore {

    /** Where a page starts: after this due time and id. */
    public record Cursor(Instant dueAt, UUID id) {}

    private final TenantScope tenancy;
    private final String sql;

    MetricsExportStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.sql = "select c.id, c.post_id, c.target_id, c.media_id, c.platform, c.account_id, c.format,"
                + " c.external_post_id, c.checkpoint, c.state, c.reason, c.due_at, m.check_time, m.source, m.views,"
                + " m.likes, m.comments_count, m.shares, m.saves, m.reach, m.watch_time_ms, m.avg_watch_time_ms, m.ctr,"
                + " m.profile_visits, m.follower_delta, m.dropped_counters, m.post_social_score"
                + " from " + service.table("metric_checkpoints") + " c left join " + service.table("posting_metrics")
                + " m on m.project_id = c.project_id and m.checkpoint_id = c.id"
                + " where c.project_id = $1 and c.due_at >= $2 and c.due_at < $3 and (c.due_at, c.id) > ($4, $5)"
                + " order by c.due_at, c.id limit $6";
    }

    public Uni<List<ExportedCheckpoint>> page(UUID projectId, Instant from, Instant to, Cursor after, int size) {
        Tuple arguments = Tuple.of(projectId, utc(from), utc(to), utc(after.dueAt()), after.id())
                .addInteger(size);
        return tenancy.statementInProject(projectId, sql, arguments).map(rows -> {
            List<ExportedCheckpoint> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(row(row)));
            return page;
        });
    }

    private static ExportedCheckpoint row(Row row) {
        return new ExportedCheckpoint(
                row.getUUID("id"),
                row.getUUID("post_id"),
                row.getUUID("target_id"),
                row.getUUID("media_id"),
                row.getString("platform"),
                row.getString("account_id"),
                row.getString("format"),
                row.getString("external_post_id"),
                row.getString("checkpoint"),
                row.getString("state"),
                row.getString("reason"),
                instant(row, "due_at"),
                instant(row, "check_time"),
                row.getString("source"),
                row.getLong("views"),
                row.getLong("likes"),
                row.getLong("comments_count"),
                row.getLong("shares"),
                row.getLong("saves"),
                row.getLong("reach"),
                row.getLong("watch_time_ms"),
                row.getLong("avg_watch_time_ms"),
                row.getDouble("ctr"),
                row.getLong("profile_visits"),
                row.getLong("follower_delta"),
                row.getString("dropped_counters"),
                row.getDouble("post_social_score"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
