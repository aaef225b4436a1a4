package io.contentfactory.analysis.persistence;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Each item's {@code media.ingested} as it arrived, kept so that the item can be analysed again on request (by a
 * newer analyzer, or after its analysis failed) without asking ingest-service for anything but a fresh URL. An item
 * analysed before its event was kept is asked of ingest-service once, then kept too.
 */
@ApplicationScoped
public class MediaSources {

    private final TenantScope tenancy;
    private final IngestClient ingest;
    private final String table;

    MediaSources(TenantScope tenancy, IngestClient ingest, ServiceConfig service) {
        this.tenancy = tenancy;
        this.ingest = ingest;
        this.table = service.table("media_sources");
    }

    /** The item as ingested: kept here, or else from ingest-service (and kept from now on); null when neither has it. */
    public Uni<MediaIngested> find(UUID projectId, UUID mediaId) {
        return of(projectId, mediaId)
                .chain(kept -> kept != null
                        ? Uni.createFrom().item(kept)
                        : ingest.ingested(projectId, mediaId)
                                .chain(found -> found.isEmpty()
                                        ? Uni.createFrom().nullItem()
                                        : remember(projectId, found.get()).replaceWith(found.get())));
    }

    /** Kept in a transaction of its own: an item whose analysis fails can still be asked for again. */
    public Uni<Void> remember(UUID projectId, MediaIngested media) {
        String sql = "insert into " + table + " (project_id, media_id, ingested) values ($1, $2, $3)"
                + " on conflict (project_id, media_id) do update set ingested = $3, recorded_at = now()";
        JsonObject ingested = new JsonObject(EventCodec.mapper().convertValue(media, java.util.Map.class));
        return tenancy.inProject(
                        projectId,
                        connection ->
                                connection.preparedQuery(sql).execute(Tuple.of(projectId, media.mediaId(), ingested)))
                .replaceWithVoid();
    }

    /** The item as it was ingested, or null when this service never heard of it in this project. */
    public Uni<MediaIngested> of(UUID projectId, UUID mediaId) {
        String sql = "select ingested from " + table + " where project_id = $1 and media_id = $2";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, mediaId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext()
                            ? EventCodec.mapper()
                                    .convertValue(
                                            iterator.next()
                                                    .getJsonObject("ingested")
                                                    .getMap(),
                                            MediaIngested.class)
                            : null;
                });
    }
}
