package io.contentfactory.analysis.persistence;

import io.contentfactory.analysis.domain.AnalysisStage;
import io.contentfactory.analysis.domain.AnalysisStatus;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalysisRequested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Where an item's analysis stands: each stage is written with its {@code media.analysis-progressed} event in a small
 * transaction of its own, which commits at once, so that it shows while the analysis itself is still running.
 */
@ApplicationScoped
public class AnalysisProgress {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AnalysisProgress.class);

    private final TenantScope tenancy;
    private final Outbox outbox;
    private final String table;
    private final String upsert;

    AnalysisProgress(TenantScope tenancy, Outbox outbox, ServiceConfig service) {
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.table = service.table("analysis_progress");
        this.upsert = "insert into " + table + " (project_id, media_id, status, stage, percent, reason, updated_at)"
                + " values ($1, $2, $3, $4, $5, $6, now()) on conflict (project_id, media_id) do update set status = $3,"
                + " stage = $4, percent = $5, reason = $6, updated_at = now()";
    }

    public Uni<Void> record(UUID projectId, MediaAnalysisProgressed progress) {
        return tenancy.inProject(
                projectId,
                connection -> write(connection, projectId, progress)
                        .chain(() -> outbox.recordAll(connection, List.of(new Outbox.Outgoing(projectId, progress)))));
    }

    /**
     * Asks for the item to be analysed again by {@code analyzerVersion}: it shows as {@code queued}, and the request
     * goes out as {@code media.analysis-requested}, both in one transaction.
     */
    public Uni<MediaAnalysisProgressed> request(UUID projectId, UUID mediaId, String analyzerVersion) {
        MediaAnalysisProgressed queued = AnalysisStatus.QUEUED.report(mediaId, AnalysisStage.QUEUED, 0, null);
        return tenancy.inProject(
                        projectId,
                        connection -> write(connection, projectId, queued)
                                .chain(() -> outbox.recordAll(
                                        connection,
                                        List.of(
                                                new Outbox.Outgoing(projectId, queued),
                                                new Outbox.Outgoing(
                                                        projectId,
                                                        new MediaAnalysisRequested(mediaId, analyzerVersion))))))
                .replaceWith(queued);
    }

    /** Records that the item's analysis failed for good, with why; a failure to record that is logged, not thrown. */
    public Uni<Void> failed(UUID projectId, UUID mediaId, Throwable failure) {
        return record(
                        projectId,
                        AnalysisStatus.ANALYSIS_FAILED.report(
                                mediaId, AnalysisStage.DONE, 100, String.valueOf(failure.getMessage())))
                .onFailure()
                .invoke(unrecorded ->
                        LOG.warnf("the failure of %s's analysis was not recorded: %s", mediaId, unrecorded.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * The item's progress and its event in the caller's transaction (the analysis's own: its end is recorded with its
     * result, or not at all).
     */
    public Uni<Void> recordInTransaction(UUID projectId, MediaAnalysisProgressed progress) {
        // The same statement through Hibernate's session, whose native queries number their parameters ?1, not $1.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(upsert.replace('$', '?'))
                        .setParameter(1, projectId)
                        .setParameter(2, progress.mediaId())
                        .setParameter(3, progress.status())
                        .setParameter(4, progress.stage())
                        .setParameter(5, progress.percent())
                        .setParameter(6, progress.reason())
                        .executeUpdate())
                .chain(() -> outbox.record(projectId, progress))
                .replaceWithVoid();
    }

    private Uni<Void> write(SqlConnection connection, UUID projectId, MediaAnalysisProgressed progress) {
        return connection
                .preparedQuery(upsert)
                .execute(Tuple.tuple(Arrays.asList(
                        projectId,
                        progress.mediaId(),
                        progress.status(),
                        progress.stage(),
                        progress.percent(),
                        progress.reason())))
                .replaceWithVoid();
    }

    /** Where one item's analysis stands, or null when it has not started. */
    public Uni<MediaAnalysisProgressed> of(UUID projectId, UUID mediaId) {
        String sql = "select status, stage, percent, reason from " + table + " where project_id = $1 and media_id = $2";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, mediaId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    var row = iterator.next();
                    return new MediaAnalysisProgressed(
                            mediaId,
                            row.getString("status"),
                            row.getString("stage"),
                            row.getInteger("percent"),
                            row.getString("reason"));
                });
    }
}
