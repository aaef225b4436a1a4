package io.contentfactory.ingest.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Shows each item's analysis progress on it (stage, percentage, status, reason); an analysed item becomes
 * {@code analyzed}, as the seed's {@code media_assets.status} has it.
 */
@ApplicationScoped
public class AnalysisProgressConsumer {

    private final EventConsumer consumer;
    private final ServiceConfig service;
    private final String sql;

    AnalysisProgressConsumer(EventConsumer consumer, ServiceConfig service) {
        this.consumer = consumer;
        this.service = service;
        this.sql = "update " + service.table("media_assets") + " set analysis_status = ?3, analysis_stage = ?4,"
                + " analysis_percent = ?5, analysis_reason = ?6, updated_at = now(),"
                + " status = case when ?3 = 'analyzed' and status = 'ingested' then 'analyzed' else status end"
                + " where project_id = ?1 and id = ?2";
    }

    @Incoming(Channels.MEDIA_ANALYSIS_PROGRESSED)
    public Uni<Void> onProgress(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaAnalysisProgressed.class,
                (context, progress) -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(sql)
                                .setParameter(1, context.projectId())
                                .setParameter(2, progress.mediaId())
                                .setParameter(3, progress.status())
                                .setParameter(4, progress.stage())
                                .setParameter(5, progress.percent())
                                .setParameter(6, progress.reason())
                                .executeUpdate())
                        .replaceWithVoid());
    }
}
