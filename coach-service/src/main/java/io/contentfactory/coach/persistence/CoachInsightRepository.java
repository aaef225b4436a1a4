package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachInsight;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The coach's insights. Call inside a project-bound transaction. */
@ApplicationScoped
public class CoachInsightRepository implements PanacheRepositoryBase<CoachInsight, UUID> {

    /** Stores a new insight with its snapshot, advice and next actions encoded as JSON. */
    public Uni<CoachInsight> record(CoachInsight insight) {
        insight.inputSnapshot = JsonColumns.write(insight.snapshot);
        insight.advice = JsonColumns.write(insight.structured);
        insight.nextActions = JsonColumns.write(insight.structured.nextActions());
        return persist(insight);
    }

    /** The media's latest insight. */
    public Uni<Optional<CoachInsight>> latestOf(UUID mediaId) {
        return find("mediaId = ?1 order by createdAt desc, id desc", mediaId)
                .firstResult()
                .map(insight -> Optional.ofNullable(insight).map(CoachInsightRepository::decoded));
    }

    /** The project's insights newest first, after the keyset ({@code at}, {@code id}) when given. */
    public Uni<List<CoachInsight>> page(Optional<Instant> at, Optional<UUID> id, int limit) {
        NewestFirst query = new NewestFirst().after(at, id);
        return find(query.query(), query.parameters())
                .page(0, limit)
                .list()
                .map(rows -> rows.stream().map(CoachInsightRepository::decoded).toList());
    }

    /** The row with its snapshot and advice decoded; a row from before the evidence-backed coach has neither. */
    private static CoachInsight decoded(CoachInsight insight) {
        if (insight.advice != null) {
            insight.structured = JsonColumns.read(insight.advice, CoachAdvice.class);
            insight.snapshot = JsonColumns.read(insight.inputSnapshot, CoachSnapshot.class);
        }
        return insight;
    }

    /** Whether {@code target}'s {@code checkpoint} already has its insight (a redelivered reading writes none). */
    public Uni<Boolean> exists(UUID targetId, String checkpoint) {
        return count("targetId = ?1 and checkpoint = ?2", targetId, checkpoint).map(count -> count > 0);
    }
}
