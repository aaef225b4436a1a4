package io.contentfactory.ingest.persistence;

import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The record of every file version ingested from a watched folder. */
@ApplicationScoped
public class WatchedFiles {

    private final ServiceConfig service;

    WatchedFiles(ServiceConfig service) {
        this.service = service;
    }

    public Uni<Boolean> seen(UUID projectId, String relativePath, String sha256) {
        String sql = "select count(*) from " + service.table("watched_files")
                + " where project_id = ?1 and relative_path = ?2 and sha256 = ?3";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                .setParameter(1, projectId).setParameter(2, relativePath).setParameter(3, sha256)
                .getSingleResult()).map(count -> count > 0);
    }

    public Uni<Void> record(UUID projectId, String relativePath, String sha256, long size, UUID mediaId) {
        String sql = "insert into " + service.table("watched_files")
                + " (project_id, relative_path, sha256, size_bytes, media_id) values (?1, ?2, ?3, ?4, ?5)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, projectId).setParameter(2, relativePath).setParameter(3, sha256)
                .setParameter(4, size).setParameter(5, mediaId)
                .executeUpdate()).replaceWithVoid();
    }
}
