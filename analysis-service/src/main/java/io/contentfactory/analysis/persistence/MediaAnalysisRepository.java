package io.contentfactory.analysis.persistence;

import io.contentfactory.analysis.domain.MediaAnalysis;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MediaAnalysisRepository implements PanacheRepositoryBase<MediaAnalysis, UUID> {

    /** The newest analysis of a media item (the latest analyzer version to run), or null. */
    public Uni<MediaAnalysis> latestOf(UUID projectId, UUID mediaId) {
        return find("projectId = ?1 and mediaId = ?2 order by createdAt desc", projectId, mediaId)
                .firstResult();
    }
}
