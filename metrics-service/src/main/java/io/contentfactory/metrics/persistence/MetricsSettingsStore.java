package io.contentfactory.metrics.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A project's own checkpoint labels, if it set them. */
@ApplicationScoped
public class MetricsSettingsStore {

    private final TenantScope tenancy;
    private final String table;

    MetricsSettingsStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.table = service.table("metrics_settings");
    }

    /** Read on the pool in a short transaction of its own. */
    public Uni<Optional<List<String>>> checkpoints(UUID projectId) {
        String sql = "select checkpoints from " + table + " where project_id = $1";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(Arrays.asList(rows.iterator().next().getArrayOfStrings("checkpoints"))));
    }

    /** On the pool, in a short transaction of its own. */
    public Uni<Void> save(UUID projectId, List<String> checkpoints) {
        String sql = "insert into " + table + " (project_id, checkpoints, updated_at) values ($1, $2, now())"
                + " on conflict (project_id) do update set checkpoints = excluded.checkpoints, updated_at = now()";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, checkpoints.toArray(String[]::new)))
                .replaceWithVoid();
    }
}
