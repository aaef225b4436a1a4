package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.PostingHistory;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The project's time zone and when each of its post targets went live: with the +24h checkpoints the coach keeps,
 * what {@link PostingHistory} learns best hours from. Call inside a project-bound transaction.
 */
@ApplicationScoped
public class PostingHistoryStore {

    static final String CHECKPOINT = "24h";

    private final String projects;
    private final String publications;
    private final String checkpoints;

    PostingHistoryStore(ServiceConfig service) {
        this.projects = service.table("coach_projects");
        this.publications = service.table("post_publications");
        this.checkpoints = service.table("post_checkpoints");
    }

    public Uni<Void> project(UUID projectId, ProjectCreated created) {
        String sql = "insert into " + projects + " (project_id, time_zone) values (?1, ?2)"
                + " on conflict (project_id) do update set time_zone = excluded.time_zone";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, created.timeZone())
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> published(UUID projectId, PostPublished published) {
        String sql = "insert into " + publications
                + " (project_id, target_id, post_id, media_id, platform, published_at, account_id)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (project_id, target_id) do update set published_at = excluded.published_at,"
                + " account_id = excluded.account_id";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, projectId)
                        .setParameter(2, published.targetId())
                        .setParameter(3, published.postId())
                        .setParameter(4, published.mediaId())
                        .setParameter(5, published.platform().name().toLowerCase(Locale.ROOT))
                        .setParameter(6, published.publishedAt())
                        .setParameter(7, published.accountId())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The project's time zone, UTC when the coach never heard it. */
    public Uni<ZoneId> zone() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select time_zone from " + projects, String.class)
                        .getResultList())
                .map(zones -> zones.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zones.getFirst()));
    }

    /** The project's {@code limit} latest publications with their +24h scores, in the project's zone. */
    public Uni<PostingHistory> history(int limit) {
        String postsSql = "select p.platform, p.published_at,"
                + " (c.reading ->> 'postSocialScore')::float8 from " + publications + " p"
                + " left join " + checkpoints + " c on c.project_id = p.project_id and c.target_id = p.target_id"
                + " and c.checkpoint = '" + CHECKPOINT + "'"
                + " order by p.published_at desc limit ?1";
        return zone().chain(zone -> Panache.getSession()
                .chain(session -> session.createNativeQuery(postsSql, Object[].class)
                        .setParameter(1, limit)
                        .getResultList())
                .map(rows -> new PostingHistory(
                        zone, rows.stream().map(PostingHistoryStore::post).toList())));
    }

    private static PostingHistory.PublishedPost post(Object[] row) {
        return new PostingHistory.PublishedPost(
                (String) row[0], Timestamps.instant(row[1]), row[2] == null ? null : ((Number) row[2]).doubleValue());
    }
}
