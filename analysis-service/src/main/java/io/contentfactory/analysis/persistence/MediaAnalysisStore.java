package io.contentfactory.analysis.persistence;

import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.domain.ProviderResult;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A media item's analyses with their provider results: one aggregate, written together in the caller's transaction
 * (bound to the project). The version check, read before an analysis starts, runs in a short transaction of its own,
 * as the analysis holds none open.
 */
@ApplicationScoped
public class MediaAnalysisStore implements PanacheRepositoryBase<MediaAnalysis, UUID> {

    private final TenantScope tenancy;
    private final String analysisTable;

    MediaAnalysisStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.analysisTable = service.table("media_analysis");
    }

    /** The newest analysis of a media item (the latest analyzer version to run), or null. */
    public Uni<MediaAnalysis> latestOf(UUID projectId, UUID mediaId) {
        return find("projectId = ?1 and mediaId = ?2 order by createdAt desc", projectId, mediaId)
                .firstResult();
    }

    /** Whether this analyzer version has analysed the item already, read in a short transaction of its own. */
    public Uni<Boolean> analysedBy(UUID projectId, UUID mediaId, String analyzerVersion) {
        String sql = "select 1 from " + analysisTable
                + " where project_id = $1 and media_id = $2 and analyzer_version = $3 limit 1";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, mediaId, analyzerVersion))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> persist(List<ProviderResult> results) {
        return Panache.getSession()
                .chain(session -> session.persistAll(results.toArray()))
                .replaceWithVoid();
    }

    public Uni<List<ProviderResult>> results(UUID projectId, UUID analysisId) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "from ProviderResult where projectId = :project and analysisId = :analysis order by createdAt",
                                ProviderResult.class)
                        .setParameter("project", projectId)
                        .setParameter("analysis", analysisId)
                        .getResultList());
    }
}
