package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The project's own reference of each post, as {@code post.scheduled} told it, so that the API takes a post by its id
 * or its reference as scheduler-service does. Written in the caller's session bound to the project.
 */
@ApplicationScoped
public class PostRefStore {

    private final TenantScope tenancy;
    private final String table;

    PostRefStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.table = service.table("post_refs");
    }

    public Uni<Void> remember(UUID projectId, UUID postId, String clientRef) {
        String sql = "insert into " + table + " (project_id, post_id, client_ref) values (?1, ?2, ?3)"
                + " on conflict (project_id, post_id) do nothing";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, postId)
                        .setParameter(3, clientRef)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The post whose reference is {@code clientRef}; read on the pool in a short transaction of its own. */
    public Uni<Optional<UUID>> postOf(UUID projectId, String clientRef) {
        String sql = "select post_id from " + table + " where project_id = $1 and client_ref = $2";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, clientRef))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID("post_id")));
    }

    /** The post named by {@code ref}: its id, or the project's own reference; unknown is a 404. */
    public Uni<UUID> postId(UUID projectId, String ref) {
        Optional<UUID> id = asUuid(ref);
        if (id.isPresent()) {
            return Uni.createFrom().item(id.get());
        }
        return postOf(projectId, ref).map(found -> found.orElseThrow(() -> new DomainError.NotFound("post", ref)));
    }

    private static Optional<UUID> asUuid(String ref) {
        try {
            return ref.length() == 36 ? Optional.of(UUID.fromString(ref)) : Optional.empty();
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }
}
