package io.contentfactory.ingest.persistence;

import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read path of the public media routes, on the reactive pool without a Hibernate session: these reads are the
 * hottest requests of the service, and a session with its query interpretation costs more than the query itself
 * (docs/benchmarks.md). Writes are {@link MediaAssetWrites}.
 */
@ApplicationScoped
public class MediaAssetReads {

    private static final String COLUMNS = "project_id, id, source_type, storage_path, file_name, content_type,"
            + " media_type, size_bytes, sha256, status, reject_reason, platform_hint, created_at, updated_at,"
            + " bytes_received, bytes_expected, source_url, container, video_codec, audio_codec, duration_sec, width,"
            + " height, resolution, frame_rate, has_audio, jpeg_rendition_path, thumbnail_path, analysis_status, analysis_stage, analysis_percent, analysis_reason, version, previous_version_id, duplicate_of";

    private final TenantScope tenancy;
    private final String table;
    private final String selectOne;

    MediaAssetReads(TenantScope tenancy, ServiceConfig service) {
        this.tenancy = tenancy;
        this.table = service.table("media_assets");
        this.selectOne = "select " + COLUMNS + " from " + table + " where project_id = $1 and id = $2";
    }

    public Uni<Optional<MediaAsset>> findInProject(UUID projectId, UUID id) {
        return tenancy.statementInProject(projectId, selectOne, Tuple.of(projectId, id))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(asset(iterator.next())) : Optional.empty();
                });
    }

    /**
     * Up to {@code limit} items of one project, newest first, older than {@code before} (created time, then id)
     * when given, and only of {@code status} when given.
     */
    public Uni<List<MediaAsset>> page(
            UUID projectId, Optional<String> status, Optional<Instant> beforeTime, Optional<UUID> beforeId, int limit) {
        String sql = "select " + COLUMNS + " from " + table + " where project_id = $1"
                + " and ($2::text is null or status = $2)"
                + " and ($3::timestamptz is null or (created_at, id) < ($3, $4))"
                + " order by created_at desc, id desc limit $5";
        Tuple arguments = Tuple.tuple(Arrays.asList(
                projectId,
                status.orElse(null),
                beforeTime.map(time -> time.atOffset(ZoneOffset.UTC)).orElse(null),
                beforeId.orElse(null),
                limit));
        return tenancy.statementInProject(projectId, sql, arguments).map(rows -> {
            List<MediaAsset> assets = new ArrayList<>();
            rows.forEach(row -> assets.add(asset(row)));
            return assets;
        });
    }

    private static MediaAsset asset(Row row) {
        MediaAsset asset = new MediaAsset();
        asset.projectId = row.getUUID("project_id");
        asset.id = row.getUUID("id");
        asset.sourceType = row.getString("source_type");
        asset.storagePath = row.getString("storage_path");
        asset.fileName = row.getString("file_name");
        asset.contentType = row.getString("content_type");
        asset.mediaType = row.getString("media_type");
        asset.sizeBytes = row.getLong("size_bytes");
        asset.sha256 = row.getString("sha256");
        asset.status = MediaStatus.ofWire(row.getString("status"));
        asset.rejectReason = row.getString("reject_reason");
        asset.platformHint = row.getString("platform_hint");
        asset.createdAt = instant(row.getOffsetDateTime("created_at"));
        asset.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        asset.bytesReceived = row.getLong("bytes_received");
        asset.bytesExpected = row.getLong("bytes_expected");
        asset.sourceUrl = row.getString("source_url");
        asset.container = row.getString("container");
        asset.videoCodec = row.getString("video_codec");
        asset.audioCodec = row.getString("audio_codec");
        asset.durationSec = row.getBigDecimal("duration_sec");
        asset.width = row.getInteger("width");
        asset.height = row.getInteger("height");
        asset.resolution = row.getString("resolution");
        asset.frameRate = row.getBigDecimal("frame_rate");
        asset.hasAudio = row.getBoolean("has_audio");
        asset.jpegRenditionPath = row.getString("jpeg_rendition_path");
        asset.thumbnailPath = row.getString("thumbnail_path");
        asset.analysisStatus = row.getString("analysis_status");
        asset.analysisStage = row.getString("analysis_stage");
        asset.analysisPercent = row.getInteger("analysis_percent");
        asset.analysisReason = row.getString("analysis_reason");
        asset.version = row.getInteger("version");
        asset.previousVersionId = row.getUUID("previous_version_id");
        asset.duplicateOf = row.getUUID("duplicate_of");
        return asset;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
