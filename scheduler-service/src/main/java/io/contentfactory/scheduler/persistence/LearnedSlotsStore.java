package io.contentfactory.scheduler.persistence;

import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.scheduler.domain.planning.SlotWeights;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Each account's learned hours as {@code model.updated} last gave them: 168 means and deviations, with the version.
 * A reset to the defaults removes them. Call inside a transaction bound to the project.
 */
@ApplicationScoped
public class LearnedSlotsStore {

    /** An account's learned hours: Monday 00:00 local first. */
    public record Hours(int version, double[] mean, double[] sd) {}

    private final String table;

    LearnedSlotsStore(ServiceConfig service) {
        this.table = service.table("learned_slots");
    }

    public Uni<Void> updated(UUID projectId, ModelUpdated model) {
        String platform = model.platform().name().toLowerCase(Locale.ROOT);
        if (!model.learned() || model.slots().size() != SlotWeights.HOURS_PER_WEEK) {
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "delete from " + table + " where platform = ?1 and account_id = ?2")
                            .setParameter(1, platform)
                            .setParameter(2, model.accountId())
                            .executeUpdate())
                    .replaceWithVoid();
        }
        StringBuilder slots = new StringBuilder();
        for (ModelUpdated.SlotEffect slot : model.slots()) {
            slots.append(slot.mean()).append(' ').append(slot.sd()).append('\n');
        }
        String sql = "insert into " + table + " (project_id, platform, account_id, version, slots, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, now()) on conflict (project_id, platform, account_id) do update"
                + " set version = excluded.version, slots = excluded.slots, updated_at = now()";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, platform)
                        .setParameter(3, model.accountId())
                        .setParameter(4, model.version())
                        .setParameter(5, slots.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<Hours>> of(String platform, String accountId) {
        String sql = "select version, slots from " + table + " where platform = ?1 and account_id = ?2";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, platform)
                        .setParameter(2, accountId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(LearnedSlotsStore::hours));
    }

    private static Hours hours(Object[] row) {
        String[] lines = ((String) row[1]).strip().split("\n");
        double[] mean = new double[lines.length];
        double[] sd = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] pair = lines[i].split(" ");
            mean[i] = Double.parseDouble(pair[0]);
            sd[i] = Double.parseDouble(pair[1]);
        }
        return new Hours(((Number) row[0]).intValue(), mean, sd);
    }
}
