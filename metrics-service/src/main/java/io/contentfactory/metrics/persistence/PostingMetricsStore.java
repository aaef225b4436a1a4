package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.AccountBaseline;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.PostSocialScore;
import io.contentfactory.metrics.domain.PostSocialScore.Baseline;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The rows of metrics read at checkpoints, in the caller's session bound to the project, and the account baselines
 * computed from them (a native read, on the pool in a short transaction of its own).
 */
@ApplicationScoped
public class PostingMetricsStore implements PanacheRepositoryBase<PostingMetrics, UUID> {

    private final TenantScope tenancy;
    private final ServiceConfig service;
    private final String metricsTable;
    private final String checkpointTable;

    PostingMetricsStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.service = service;
        this.metricsTable = service.table("posting_metrics");
        this.checkpointTable = service.table("metric_checkpoints");
    }

    /** The target's latest row due before {@code checkpoint}'s, for the growth check; null if none. */
    public Uni<PostingMetrics> previous(MetricCheckpoint checkpoint) {
        return find(
                        "projectId = ?1 and targetId = ?2 and dueTime < ?3 order by dueTime desc",
                        checkpoint.projectId,
                        checkpoint.targetId,
                        checkpoint.dueAt)
                .firstResult();
    }

    /**
     * The account's baseline for {@code checkpoint}: the median views (reach where a platform reports no views) at the
     * same checkpoint of its latest {@link PostSocialScore#BASELINE_POSTS} posts due earlier on the same platform and
     * in the same format, and how many there are. Read on the pool in a short transaction of its own; the collector's
     * claim reads the same with each checkpoint it claims.
     */
    public Uni<Baseline> baseline(MetricCheckpoint checkpoint) {
        String sql = "select b.* from (values ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::uuid,"
                + " $7::timestamptz)) as c(project_id, platform, account_id, format, checkpoint, target_id, due_at)"
                + " cross join lateral (" + baselineOf(service, "c") + ") b";
        Tuple arguments = Tuple.of(checkpoint.projectId, checkpoint.platform, checkpoint.accountId, checkpoint.format)
                .addString(checkpoint.checkpoint)
                .addUUID(checkpoint.targetId)
                .addOffsetDateTime(checkpoint.dueAt.atOffset(ZoneOffset.UTC));
        return tenancy.statementInProject(checkpoint.projectId, sql, arguments).map(rows -> {
            Row row = rows.iterator().next();
            Double median = row.getDouble("median");
            return new Baseline(
                    median == null ? 0 : median, row.getLong("posts").intValue());
        });
    }

    /**
     * The baseline query ({@code median}, {@code posts}) of the checkpoint row {@code alias}, which has the columns of
     * {@code metric_checkpoints}. It walks the checkpoints' baseline index newest first and looks up each one's row by
     * its key, stopping at the {@link PostSocialScore#BASELINE_POSTS}th with a value: the per-row subquery keeps the
     * planner from hashing the whole project's rows, which it would otherwise do for every claimed checkpoint.
     */
    static String baselineOf(ServiceConfig service, String alias) {
        return "select percentile_cont(0.5) within group (order by value) as median, count(*) as posts from"
                + " (select value from (select (select coalesce(m.views, m.reach) from "
                + service.table("posting_metrics") + " m where m.project_id = b.project_id and m.checkpoint_id = b.id)"
                + " as value from " + service.table("metric_checkpoints") + " b"
                + " where b.project_id = " + alias + ".project_id and b.platform = " + alias + ".platform"
                + " and b.account_id = " + alias + ".account_id and b.format = " + alias + ".format"
                + " and b.checkpoint = " + alias + ".checkpoint and b.due_at < " + alias + ".due_at"
                + " and b.target_id <> " + alias + ".target_id order by b.due_at desc) earlier"
                + " where value is not null limit " + PostSocialScore.BASELINE_POSTS + ") latest";
    }

    /** The numbers of a {@code posting_metrics} row read with its own column names. */
    static MetricValues values(Row row) {
        return new MetricValues(
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
                row.getLong("follower_delta"));
    }

    /** The account's medians per format and checkpoint, over every post measured there. */
    public Uni<List<AccountBaseline>> baselines(UUID projectId, String platform, String accountId) {
        String sql = "select c.format, c.checkpoint, count(*) as posts,"
                + median("views") + median("reach") + median("likes") + median("comments_count") + median("shares")
                + median("saves").replaceAll(",$", "")
                + " from " + metricsTable + " m join " + checkpointTable + " c"
                + " on c.project_id = m.project_id and c.id = m.checkpoint_id"
                + " where m.project_id = $1 and c.platform = $2 and c.account_id = $3"
                + " group by c.format, c.checkpoint";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, platform, accountId))
                .map(rows -> {
                    List<AccountBaseline> baselines = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        baselines.add(new AccountBaseline(
                                row.getString("format"),
                                row.getString("checkpoint"),
                                row.getLong("posts").intValue(),
                                row.getDouble("views"),
                                row.getDouble("reach"),
                                row.getDouble("likes"),
                                row.getDouble("comments_count"),
                                row.getDouble("shares"),
                                row.getDouble("saves")));
                    }
                    return baselines;
                });
    }

    private static String median(String column) {
        return " percentile_cont(0.5) within group (order by m." + column + ") as " + column + ",";
    }

    public Uni<List<PostingMetrics>> ofCheckpoints(UUID projectId, Collection<UUID> checkpointIds) {
        return checkpointIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("projectId = ?1 and checkpointId in ?2", projectId, checkpointIds);
    }
}
