package io.contentfactory.coach.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.contentfactory.coach.domain.PatternFilter;
import io.contentfactory.coach.domain.TopPattern;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The project's top-performer patterns, their source figures as JSON. Call inside a project-bound transaction. */
@ApplicationScoped
public class TopPatternStore implements PanacheRepositoryBase<TopPattern, UUID> {

    private static final TypeReference<Map<String, BigDecimal>> FIGURES = new TypeReference<>() {};

    /** Stores a new or re-imported pattern. */
    public Uni<TopPattern> save(TopPattern pattern) {
        pattern.sourceMetricsJson = JsonColumns.write(pattern.sourceMetrics);
        return persist(pattern);
    }

    public Uni<Optional<TopPattern>> of(UUID id) {
        return findById(id).map(pattern -> Optional.ofNullable(pattern).map(TopPatternStore::decoded));
    }

    /** The patterns already imported under these source references. */
    public Uni<List<TopPattern>> withReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sourceReference in ?1", List.copyOf(references))
                .map(rows -> rows.stream().map(TopPatternStore::decoded).toList());
    }

    /** The hook of each of these patterns still imported (one without a hook is left out). */
    public Uni<Map<UUID, String>> hooks(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("id in ?1", List.copyOf(ids))
                .map(rows -> rows.stream()
                        .filter(pattern -> pattern.hookText != null)
                        .collect(Collectors.toMap(pattern -> pattern.id, pattern -> pattern.hookText)));
    }

    /** The ids of one import's patterns (those it last wrote). */
    public Uni<List<UUID>> idsOfImport(UUID importId) {
        return list("importId", importId)
                .map(rows -> rows.stream().map(pattern -> pattern.id).toList());
    }

    /** Newest first. */
    public Uni<List<TopPattern>> page(PatternFilter filter, int limit) {
        NewestFirst query = new NewestFirst()
                .where("angle", filter.angle())
                .where("format", filter.format())
                .where("productCategory", filter.productCategory())
                .where("importId", filter.importId())
                .after(filter.at(), filter.id());
        return find(query.query(), query.parameters())
                .page(0, limit)
                .list()
                .map(rows -> rows.stream().map(TopPatternStore::decoded).toList());
    }

    public Uni<Long> deleteAll(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0L) : delete("id in ?1", List.copyOf(ids));
    }

    private static TopPattern decoded(TopPattern pattern) {
        Map<String, BigDecimal> figures = JsonColumns.read(pattern.sourceMetricsJson, FIGURES);
        pattern.sourceMetrics = figures == null ? Map.of() : figures;
        return pattern;
    }
}
