package io.contentfactory.ingest.service;

import io.contentfactory.ingest.clients.JpegRenditions;
import io.contentfactory.ingest.clients.MediaInspector;
import io.contentfactory.ingest.domain.IngestedEvents;
import io.contentfactory.ingest.domain.Inspection;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.domain.PlatformHint;
import io.contentfactory.ingest.domain.SniffedType;
import io.contentfactory.ingest.persistence.MediaAssetStore;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.media.MediaProbe;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * The one way a file becomes a media item, whatever its source (watched folder, upload, URL import): an item is
 * opened as {@code receiving} when its bytes start to arrive, shows their count while they do, and once they are
 * all staged it is inspected (sniffed, probed with FFmpeg, held to the limits), stored by content, given a JPEG
 * rendition when Instagram needs one, and completed as {@code ingested} (with {@code media.ingested}),
 * {@code rejected} (kept, with its reason) or {@code duplicate}. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class MediaIntake {

    private static final Logger LOG = Logger.getLogger(MediaIntake.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final MediaAssetStore writes;
    private final MediaInspector inspector;
    private final JpegRenditions renditions;
    private final ObjectStorage storage;
    private final IngestedEvents events;

    MediaIntake(
            MediaAssetStore writes,
            MediaInspector inspector,
            JpegRenditions renditions,
            ObjectStorage storage,
            IngestedEvents events) {
        this.writes = writes;
        this.inspector = inspector;
        this.renditions = renditions;
        this.storage = storage;
        this.events = events;
    }

    /** Opens the item of a file whose bytes are about to arrive. */
    @WithSpan("MediaIntake.open")
    public MediaAsset open(@SpanAttribute("project.id") UUID projectId, Origin origin) {
        MediaAsset asset = new MediaAsset();
        asset.projectId = projectId;
        asset.id = UUID.randomUUID();
        asset.sourceType = origin.sourceType();
        asset.fileName = origin.fileName();
        asset.sourceUrl = origin.sourceUrl();
        asset.platformHint = origin.platformHint();
        asset.bytesExpected = origin.bytesExpected();
        asset.derivedFromPlanId = origin.derivedFromPlanId();
        asset.provenance = origin.provenance();
        asset.status = MediaStatus.RECEIVING;
        asset.version = 1;
        asset.createdAt = Instant.now();
        asset.updatedAt = asset.createdAt;
        writes.open(asset).await().indefinitely();
        return asset;
    }

    /** A listener that records the byte count at most every half second, so progress costs nothing noticeable. */
    public LongConsumer progressOf(MediaAsset asset) {
        long[] lastWrite = {System.nanoTime()};
        return bytes -> {
            long now = System.nanoTime();
            if (now - lastWrite[0] >= PROGRESS_EVERY.toNanos()) {
                lastWrite[0] = now;
                writes.progress(asset.projectId, asset.id, bytes)
                        .subscribe()
                        .with(
                                done -> {},
                                failure -> LOG.debugf("progress of %s not recorded: %s", asset.id, failure.toString()));
            }
        };
    }

    /** Ends an item whose bytes never arrived whole (too large, cut off, refused by its source). */
    @WithSpan("MediaIntake.fail")
    public void fail(MediaAsset asset, String code, String detail, long bytesReceived) {
        writes.fail(asset.projectId, asset.id, code + ": " + detail, bytesReceived)
                .await()
                .indefinitely();
    }

    /** Inspects, stores and completes an opened item from its staged bytes (consumed). */
    @WithSpan("MediaIntake.complete")
    public MediaAsset complete(MediaAsset asset, StagedFile staged, Origin origin) {
        try {
            Inspection inspection = inspector.inspect(staged);
            Optional<StagedFile> rendition = rendition(staged, inspection);
            asset.sha256 = staged.sha256();
            asset.sizeBytes = staged.sizeBytes();
            asset.bytesReceived = staged.sizeBytes();
            asset.storagePath = storage.store(asset.projectId, staged);
            asset.jpegRenditionPath = rendition.isPresent() ? storage.store(asset.projectId, rendition.get()) : null;
            return writes.complete(
                            asset,
                            origin.watchedPath(),
                            connection -> fill(connection, asset, inspection, origin),
                            events::of)
                    .await()
                    .indefinitely();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            staged.discard();
        }
    }

    /** Opens and completes in one go: for a file whose bytes are already here (a watched folder). */
    @WithSpan("MediaIntake.ingest")
    public MediaAsset ingest(@SpanAttribute("project.id") UUID projectId, Origin origin, StagedFile staged) {
        return complete(open(projectId, origin), staged, origin);
    }

    private Optional<StagedFile> rendition(StagedFile staged, Inspection inspection) throws IOException {
        if (inspection instanceof Inspection.Accepted accepted
                && JpegRenditions.needed(accepted.type(), accepted.probe(), staged.sizeBytes())) {
            return renditions.render(staged);
        }
        return Optional.empty();
    }

    private Uni<MediaAsset> fill(SqlConnection connection, MediaAsset asset, Inspection inspection, Origin origin) {
        switch (inspection) {
            case Inspection.Accepted accepted -> {
                asset.moveTo(MediaStatus.INGESTED);
                describe(asset, accepted.type(), accepted.probe());
                if (asset.platformHint == null) {
                    asset.platformHint = PlatformHint.of(accepted.probe());
                }
            }
            case Inspection.Rejected rejected -> {
                asset.moveTo(MediaStatus.REJECTED);
                asset.rejectReason = rejected.reason();
                describe(asset, rejected.type(), rejected.probe());
            }
        }
        if (origin.watchedPath() == null) {
            return Uni.createFrom().item(asset);
        }
        return writes.latestOfWatchedPath(connection, asset.projectId, origin.watchedPath())
                .map(previous -> {
                    previous.ifPresent(earlier -> {
                        asset.previousVersionId = earlier.mediaId();
                        asset.version = earlier.version() + 1;
                    });
                    return asset;
                });
    }

    private static void describe(MediaAsset asset, SniffedType type, MediaProbe probe) {
        asset.contentType = type == null ? "application/octet-stream" : type.contentType();
        asset.mediaType = type == null ? null : type.mediaType().name().toLowerCase();
        if (probe == null) {
            return;
        }
        asset.container = probe.container();
        asset.videoCodec = probe.videoCodec();
        asset.audioCodec = probe.audioCodec();
        asset.durationSec = probe.durationSec() == null ? null : BigDecimal.valueOf(probe.durationSec());
        asset.width = probe.width();
        asset.height = probe.height();
        asset.resolution = probe.resolution();
        asset.frameRate = probe.frameRate() == null ? null : BigDecimal.valueOf(probe.frameRate());
        asset.hasAudio = probe.hasAudio();
    }
}
