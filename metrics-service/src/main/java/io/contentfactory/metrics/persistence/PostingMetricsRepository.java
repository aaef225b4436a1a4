package io.contentfactory.metrics.persistence;

import io.contentfactory.metrics.domain.PostingMetrics;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PostingMetricsRepository implements PanacheRepositoryBase<PostingMetrics, UUID> {}
