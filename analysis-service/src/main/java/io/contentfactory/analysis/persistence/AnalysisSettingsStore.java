package io.contentfactory.analysis.persistence;

import io.contentfactory.analysis.domain.AnalysisJson;
import io.contentfactory.analysis.domain.AnalysisSettings;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A project's analysis settings. The write joins the caller's transaction (bound to the project); the read, which an
 * analysis needs before it starts, runs in a short transaction of its own, as the analysis holds none open.
 */
@ApplicationScoped
public class AnalysisSettingsStore {

    private final TenantScope tenancy;
    private final String settingsTable;

    AnalysisSettingsStore(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.settingsTable = service.table("analysis_settings");
    }

    /** The project's settings (the defaults until it set its own), read in a short transaction of its own. */
    public Uni<AnalysisSettings> settings(UUID projectId) {
        String sql =
                "select providers_enabled, max_frames_per_request, default_hashtags, cast(score_weights as text) as weights from "
                        + settingsTable + " where project_id = $1";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId)).map(rows -> {
            var iterator = rows.iterator();
            return iterator.hasNext() ? settings(iterator.next()) : AnalysisSettings.DEFAULTS;
        });
    }

    public Uni<Void> saveSettings(UUID projectId, AnalysisSettings settings) {
        String sql = "insert into " + settingsTable
                + " (project_id, providers_enabled, max_frames_per_request, default_hashtags,"
                + " score_weights, updated_at) values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb), now()) on conflict (project_id) do update"
                + " set providers_enabled = ?2, max_frames_per_request = ?3, default_hashtags = ?4,"
                + " score_weights = cast(cast(?5 as text) as jsonb), updated_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, settings.providersEnabled())
                        .setParameter(3, settings.maxFramesPerRequest())
                        .setParameter(4, String.join(",", settings.defaultHashtags()))
                        .setParameter(5, AnalysisJson.of(settings.weights().byFeature()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static AnalysisSettings settings(Row row) {
        String weights = row.getString("weights");
        return new AnalysisSettings(
                row.getBoolean("providers_enabled"),
                row.getInteger("max_frames_per_request"),
                java.util.Arrays.stream(row.getString("default_hashtags").split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                weights == null ? ScoreWeights.DEFAULTS : ScoreWeights.of(AnalysisJson.weights(weights)));
    }
}
