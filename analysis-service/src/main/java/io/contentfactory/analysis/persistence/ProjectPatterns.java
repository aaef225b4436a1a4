package io.contentfactory.analysis.persistence;

import io.contentfactory.contracts.events.PatternImported;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The project's top-performer patterns as {@code pattern.imported} gave them, what each media item is compared with.
 * A deleted pattern stays as a marker: its id is never used again, so an import event for it that arrives after the
 * deletion (the two topics are not ordered with each other) does not bring it back. Call inside a transaction bound
 * to the project.
 */
@ApplicationScoped
public class ProjectPatterns {

    /** The patterns an analysis compares with, at most: as many as one import may hold. */
    static final int MAX_COMPARED = 5_000;

    private final String table;

    ProjectPatterns(ServiceConfig service) {
        this.table = service.table("top_patterns");
    }

    public Uni<Void> imported(UUID projectId, List<PatternImported.Pattern> patterns) {
        String sql = "insert into " + table
                + " (project_id, pattern_id, hook_text, intro_style, length_sec, format_type, product_category, angle,"
                + " deleted, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, false, now())"
                + " on conflict (project_id, pattern_id) do update set hook_text = ?3, intro_style = ?4,"
                + " length_sec = ?5, format_type = ?6, product_category = ?7, angle = ?8, updated_at = now()"
                + " where not " + table + ".deleted";
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PatternImported.Pattern pattern : patterns) {
            chain = chain.chain(() -> Panache.getSession()
                            .chain(session -> session.createNativeQuery(sql)
                                    .setParameter(1, projectId)
                                    .setParameter(2, pattern.patternId())
                                    .setParameter(3, pattern.hookText())
                                    .setParameter(4, pattern.introStyle())
                                    .setParameter(5, pattern.lengthSec())
                                    .setParameter(6, pattern.formatType())
                                    .setParameter(7, pattern.productCategory())
                                    .setParameter(8, pattern.angle())
                                    .executeUpdate()))
                    .replaceWithVoid();
        }
        return chain;
    }

    public Uni<Void> deleted(UUID projectId, List<UUID> patternIds) {
        String sql = "insert into " + table
                + " (project_id, pattern_id, hook_text, format_type, angle, deleted, updated_at)"
                + " values (?1, ?2, '', '', '', true, now())"
                + " on conflict (project_id, pattern_id) do update set deleted = true, hook_text = '',"
                + " intro_style = null, product_category = null, updated_at = now()";
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : patternIds) {
            chain = chain.chain(() -> Panache.getSession()
                            .chain(session -> session.createNativeQuery(sql)
                                    .setParameter(1, projectId)
                                    .setParameter(2, id)
                                    .executeUpdate()))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The project's live patterns, newest first. */
    public Uni<List<PatternImported.Pattern>> live() {
        String sql = "select pattern_id, hook_text, intro_style, length_sec, format_type, product_category, angle from "
                + table + " where not deleted order by updated_at desc, pattern_id limit " + MAX_COMPARED;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new PatternImported.Pattern(
                                (UUID) row[0],
                                (String) row[1],
                                (String) row[2],
                                row[3] == null ? null : ((Number) row[3]).intValue(),
                                (String) row[4],
                                (String) row[5],
                                (String) row[6]))
                        .toList());
    }
}
