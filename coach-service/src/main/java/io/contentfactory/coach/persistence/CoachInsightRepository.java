package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.CoachInsight;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CoachInsightRepository implements PanacheRepositoryBase<CoachInsight, UUID> {

    /** Engagement rates of the project's earlier posts on this platform at this checkpoint. */
    public Uni<List<Double>> baselineRates(UUID projectId, String platform, String checkpoint) {
        return find("projectId = ?1 and platform = ?2 and checkpoint = ?3", projectId, platform, checkpoint)
                .list()
                .map(rows -> rows.stream()
                        .map(row -> row.engagementRate)
                        .map(BigDecimal::doubleValue)
                        .toList());
    }
}
