package io.contentfactory.analysis.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The model in force for each of the project's accounts, as {@code model.updated} last said (learned, pinned, or the
 * defaults after a reset). Call inside a transaction bound to the project.
 */
@ApplicationScoped
public class LearnedModels {

    private final String table;

    LearnedModels(ServiceConfig service) {
        this.table = service.table("learned_models");
    }

    public Uni<Void> updated(UUID projectId, ModelUpdated model) {
        String sql = "insert into " + table
                + " (project_id, platform, account_id, version, source, posts, model, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) on conflict (project_id, platform, account_id) do update"
                + " set version = excluded.version, source = excluded.source, posts = excluded.posts,"
                + " model = excluded.model, updated_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, model.platform().name().toLowerCase(Locale.ROOT))
                        .setParameter(3, model.accountId())
                        .setParameter(4, model.version())
                        .setParameter(5, model.source())
                        .setParameter(6, model.posts())
                        .setParameter(7, write(model))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Every account's model in force, the defaults included, most posts first. */
    public Uni<List<ModelUpdated>> inForce() {
        String sql = "select model from " + table + " order by posts desc, platform, account_id";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, String.class).getResultList())
                .map(rows -> rows.stream().map(LearnedModels::read).toList());
    }

    private static String write(ModelUpdated model) {
        try {
            return EventCodec.mapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelUpdated read(String json) {
        try {
            return EventCodec.mapper().readValue(json, ModelUpdated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored model does not parse", e);
        }
    }
}
