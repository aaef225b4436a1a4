package io.contentfactory.analysis.persistence;

import io.contentfactory.analysis.domain.MediaAnalysis;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MediaAnalysisRepository implements PanacheRepositoryBase<MediaAnalysis, UUID> {
}
