package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.AccountLearner;
import io.contentfactory.coach.domain.AccountModel;
import io.contentfactory.coach.domain.SocialAccount;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts' model versions and pins, and the measured posts they are learned from: each publication of the
 * account with its checkpoint reading and its media's analysis. Call inside a project-bound transaction.
 */
@ApplicationScoped
public class AccountModelStore {

    private final String models;
    private final String pins;
    private final String publications;
    private final String checkpoints;
    private final String profiles;

    AccountModelStore(ServiceConfig service) {
        this.models = service.table("account_models");
        this.pins = service.table("account_model_pins");
        this.publications = service.table("post_publications");
        this.checkpoints = service.table("post_checkpoints");
        this.profiles = service.table("media_profiles");
    }

    /** The account the target was published on; empty when its publication is not known (or named no account). */
    public Uni<Optional<SocialAccount>> accountOf(UUID targetId) {
        String sql =
                "select platform, account_id from " + publications + " where target_id = ?1 and account_id is not null";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, targetId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new SocialAccount((String) row[0], (String) row[1])));
    }

    /**
     * The account's latest {@code limit} posts measured at {@code checkpoint} against a baseline, oldest first, with
     * their hour of the week in {@code zone}.
     */
    public Uni<List<AccountLearner.MeasuredPost>> measured(
            SocialAccount account, String checkpoint, ZoneId zone, int limit) {
        String sql = "select p.published_at, c.reading::text, m.media_type, m.pre_social_score, m.features::text from "
                + publications + " p join " + checkpoints + " c on c.project_id = p.project_id"
                + " and c.target_id = p.target_id and c.checkpoint = ?3 join " + profiles
                + " m on m.project_id = p.project_id and m.media_id = p.media_id"
                + " where p.platform = ?1 and p.account_id = ?2 order by p.published_at desc, p.target_id limit ?4";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, account.platform())
                        .setParameter(2, account.accountId())
                        .setParameter(3, checkpoint)
                        .setParameter(4, limit)
                        .getResultList())
                .map(rows -> {
                    List<AccountLearner.MeasuredPost> posts = new ArrayList<>();
                    for (Object[] row : rows.reversed()) {
                        measuredPost(row, zone).ifPresent(posts::add);
                    }
                    return posts;
                });
    }

    private static Optional<AccountLearner.MeasuredPost> measuredPost(Object[] row, ZoneId zone) {
        MetricsCollected reading = JsonColumns.read((String) row[1], MetricsCollected.class);
        Optional<Double> outcome = outcome(reading);
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        MediaType type = "video".equals(row[2]) ? MediaType.VIDEO : MediaType.IMAGE;
        AnalysisFeatures features = JsonColumns.read((String) row[4], AnalysisFeatures.class);
        return Optional.of(new AccountLearner.MeasuredPost(
                LearningFeatures.of(type, features),
                hourOfWeek(Timestamps.instant(row[0]), zone),
                outcome.get(),
                ((Number) row[3]).doubleValue()));
    }

    /** ln((the metric + 1) ÷ (the baseline + 1)); empty without a baseline or without the metric it names. */
    static Optional<Double> outcome(MetricsCollected reading) {
        MetricsCollected.AccountBaseline baseline = reading.baseline();
        if (baseline == null) {
            return Optional.empty();
        }
        Long value = "reach".equals(baseline.metric()) ? reading.reach() : reading.views();
        return value == null ? Optional.empty() : Optional.of(Math.log((value + 1.0) / (baseline.median() + 1.0)));
    }

    public static int hourOfWeek(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + local.getHour();
    }

    public Uni<Void> record(SocialAccount account, UUID projectId, AccountModel model) {
        String sql = "insert into " + models
                + " (project_id, platform, account_id, version, posts, fitted_at, model)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(cast(?7 as text) as jsonb))";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, account.platform())
                        .setParameter(3, account.accountId())
                        .setParameter(4, model.version())
                        .setParameter(5, model.posts())
                        .setParameter(6, model.fittedAt())
                        .setParameter(7, JsonColumns.write(model))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The account's newest version. */
    public Uni<Optional<AccountModel>> newest(SocialAccount account) {
        return one(account, "order by version desc limit 1", null);
    }

    public Uni<Optional<AccountModel>> version(SocialAccount account, int version) {
        return one(account, "and version = ?3", version);
    }

    private Uni<Optional<AccountModel>> one(SocialAccount account, String clause, Integer version) {
        String sql = "select model::text from " + models + " where platform = ?1 and account_id = ?2 " + clause;
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql, String.class)
                            .setParameter(1, account.platform())
                            .setParameter(2, account.accountId());
                    if (version != null) {
                        query.setParameter(3, version);
                    }
                    return query.getResultList();
                })
                .map(rows -> rows.stream().findFirst().map(json -> JsonColumns.read(json, AccountModel.class)));
    }

    /** The account's versions, newest first, at most {@code limit}. */
    public Uni<List<AccountModel>> history(SocialAccount account, int limit) {
        String sql = "select model::text from " + models
                + " where platform = ?1 and account_id = ?2 order by version desc limit ?3";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, String.class)
                        .setParameter(1, account.platform())
                        .setParameter(2, account.accountId())
                        .setParameter(3, limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(json -> JsonColumns.read(json, AccountModel.class))
                        .toList());
    }

    /** The newest version of each of the project's other accounts on any platform. */
    public Uni<List<AccountModel>> othersNewest(SocialAccount account) {
        String sql = "select distinct on (platform, account_id) model::text from " + models
                + " where not (platform = ?1 and account_id = ?2) order by platform, account_id, version desc";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, String.class)
                        .setParameter(1, account.platform())
                        .setParameter(2, account.accountId())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(json -> JsonColumns.read(json, AccountModel.class))
                        .toList());
    }

    /** An account's model in force. */
    public record InForce(SocialAccount account, AccountModel model) {}

    /**
     * The learned model in force for the account the media was first published on: the pinned version, else the
     * newest; empty while there is none, and after a reset to the defaults.
     */
    public Uni<Optional<InForce>> inForceOfMedia(UUID mediaId) {
        String sql = "select p.platform, p.account_id, (select m.model::text from " + models + " m"
                + " where m.platform = p.platform and m.account_id = p.account_id"
                + " and m.version = coalesce(pin.pinned_version, (select max(n.version) from " + models + " n"
                + " where n.platform = p.platform and n.account_id = p.account_id))) from " + publications + " p"
                + " left join " + pins + " pin on pin.platform = p.platform and pin.account_id = p.account_id"
                + " where p.media_id = ?1 and p.account_id is not null order by p.published_at, p.target_id limit 1";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, mediaId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .filter(row -> row[2] != null)
                        .findFirst()
                        .map(row -> new InForce(
                                new SocialAccount((String) row[0], (String) row[1]),
                                JsonColumns.read((String) row[2], AccountModel.class))));
    }

    /** The version the project pinned, 0 for the defaults; empty when it follows the newest. */
    public Uni<Optional<Integer>> pinned(SocialAccount account) {
        String sql = "select pinned_version from " + pins + " where platform = ?1 and account_id = ?2";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Integer.class)
                        .setParameter(1, account.platform())
                        .setParameter(2, account.accountId())
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    /** Pins {@code version} (0: the defaults), or follows the newest again when it is empty. */
    public Uni<Void> pin(UUID projectId, SocialAccount account, Optional<Integer> version) {
        String sql = version.isPresent()
                ? "insert into " + pins + " (project_id, platform, account_id, pinned_version, pinned_at)"
                        + " values (?1, ?2, ?3, ?4, now()) on conflict (project_id, platform, account_id) do update"
                        + " set pinned_version = excluded.pinned_version, pinned_at = now()"
                : "delete from " + pins + " where project_id = ?1 and platform = ?2 and account_id = ?3";
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql)
                            .setParameter(1, projectId)
                            .setParameter(2, account.platform())
                            .setParameter(3, account.accountId());
                    version.ifPresent(v -> query.setParameter(4, v));
                    return query.executeUpdate();
                })
                .replaceWithVoid();
    }
}
