package io.contentfactory.ingest.persistence;

import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Media items: every statement on them. The public read routes and the write path run on the reactive pool without
 * a Hibernate session: the reads are the hottest requests of the service, where a session with its query
 * interpretation costs more than the query itself (docs/benchmarks.md), and the writes follow a byte stream (a row is
 * opened when the first byte arrives, counts its bytes, and is completed or failed once; completion de-duplicates by
 * content within the project, records the watched file version and emits {@code media.ingested}, all in one
 * transaction). The entity's other uses go through Panache.
 */
@ApplicationScoped
public class MediaAssetStore implements PanacheRepositoryBase<MediaAsset, UUID> {

    private static final String COLUMNS = "project_id, id, source_type, storage_path, file_name, content_type,"
            + " media_type, size_bytes, sha256, status, reject_reason, platform_hint, created_at, updated_at,"
            + " bytes_received, bytes_expected, source_url, container, video_codec, audio_codec, duration_sec, width,"
            + " height, resolution, frame_rate, has_audio, jpeg_rendition_path, thumbnail_path, analysis_status, analysis_stage, analysis_percent, analysis_reason, version, previous_version_id, duplicate_of, derived_from_plan_id, provenance::text as provenance";

    /** Statuses of items that hold their bytes: a later copy of the same bytes points at one of them. */
    private static final String HOLDS_BYTES = "status in ("
            + MediaStatus.HOLDING_BYTES.stream()
                    .map(status -> "'" + status.wire() + "'")
                    .sorted()
                    .collect(Collectors.joining(", "))
            + ")";

    private final TenantScope tenancy;
    private final Outbox outbox;
    private final String assets;
    private final String watched;
    private final String selectOne;

    MediaAssetStore(TenantScope tenancy, Outbox outbox, ServiceConfig service) {
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.assets = service.table("media_assets");
        this.watched = service.table("watched_files");
        this.selectOne = "select " + COLUMNS + " from " + assets + " where project_id = $1 and id = $2";
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
        String sql = "select " + COLUMNS + " from " + assets + " where project_id = $1"
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
        asset.derivedFromPlanId = row.getUUID("derived_from_plan_id");
        asset.provenance = row.getString("provenance");
        return asset;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public Uni<Void> open(MediaAsset asset) {
        String sql = "insert into " + assets
                + " (project_id, id, source_type, file_name, status, size_bytes, bytes_received,"
                + " bytes_expected, source_url, platform_hint, created_at, updated_at, derived_from_plan_id, provenance)"
                + " values ($1, $2, $3, $4, 'receiving', 0, 0, $5, $6, $7, $8, $8, $9, $10::text::jsonb)";
        return tenancy.inProject(
                        asset.projectId,
                        connection -> connection
                                .preparedQuery(sql)
                                .execute(Tuple.tuple(Arrays.asList(
                                        asset.projectId,
                                        asset.id,
                                        asset.sourceType,
                                        asset.fileName,
                                        asset.bytesExpected,
                                        asset.sourceUrl,
                                        asset.platformHint,
                                        asset.createdAt.atOffset(ZoneOffset.UTC),
                                        asset.derivedFromPlanId,
                                        asset.provenance))))
                .replaceWithVoid();
    }

    public Uni<Void> progress(UUID projectId, UUID id, long bytes) {
        String sql = "update " + assets + " set bytes_received = $3, updated_at = now()"
                + " where project_id = $1 and id = $2 and status = 'receiving'";
        return tenancy.inProject(
                        projectId, connection -> connection.preparedQuery(sql).execute(Tuple.of(projectId, id, bytes)))
                .replaceWithVoid();
    }

    /** A receiving item whose transfer failed; {@code media.rejected} tells whoever waits for it, in the same transaction. */
    public Uni<Void> fail(UUID projectId, UUID id, String reason, long bytesReceived) {
        String sql = "update " + assets
                + " set status = 'failed', reject_reason = $3, bytes_received = greatest(bytes_received, $4), updated_at = now()"
                + " where project_id = $1 and id = $2 and status = 'receiving'";
        return tenancy.inProject(
                projectId,
                connection -> connection
                        .preparedQuery(sql)
                        .execute(Tuple.of(projectId, id, reason, bytesReceived))
                        .chain(rows -> rows.rowCount() == 1
                                ? outbox.recordAll(
                                        connection,
                                        List.of(new Outbox.Outgoing(
                                                projectId, new MediaRejected(id, "failed", reason, null))))
                                : Uni.createFrom().voidItem()));
    }

    /** Records an item's thumbnail; false when the project has no such item. */
    public Uni<Boolean> thumbnail(UUID projectId, UUID id, String storagePath) {
        String sql =
                "update " + assets + " set thumbnail_path = $3, updated_at = now() where project_id = $1 and id = $2";
        return tenancy.inProject(
                        projectId,
                        connection -> connection.preparedQuery(sql).execute(Tuple.of(projectId, id, storagePath)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The newest item ingested from a watched path, whose next version a changed file becomes. */
    public Uni<Optional<PreviousVersion>> latestOfWatchedPath(
            SqlConnection connection, UUID projectId, String relativePath) {
        String sql =
                "select m.id, m.version from " + watched + " w join " + assets + " m on m.project_id = w.project_id"
                        + " and m.id = w.media_id where w.project_id = $1 and w.relative_path = $2 order by w.seen_at desc limit 1";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(projectId, relativePath))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = iterator.next();
                    return Optional.of(new PreviousVersion(row.getUUID("id"), row.getInteger("version")));
                });
    }

    public record PreviousVersion(UUID mediaId, int version) {}

    /**
     * Completes a receiving item inside one transaction bound to its project. {@code fill} sets the completed
     * fields on {@code asset} (it may look up the watched path's previous version on the connection first), and
     * {@code event} builds {@code media.ingested} from the filled item when it is ingested; a rejected item or a
     * duplicate emits {@code media.rejected} instead. A watched file's
     * version is recorded in the same transaction, so a rescan after a crash never ingests it twice.
     */
    public Uni<MediaAsset> complete(
            MediaAsset asset,
            String watchedPath,
            Function<SqlConnection, Uni<MediaAsset>> fill,
            Function<MediaAsset, MediaIngested> event) {
        return tenancy.inProject(
                asset.projectId,
                connection -> lockContent(connection, asset)
                        .chain(() -> existingWithSameBytes(connection, asset))
                        .chain(existing -> existing.isPresent()
                                ? markDuplicate(connection, asset, existing.get())
                                : fill.apply(connection)
                                        .chain(filled ->
                                                update(connection, filled).replaceWith(filled)))
                        .call(done -> outbox.recordAll(
                                connection,
                                List.of(new Outbox.Outgoing(
                                        done.projectId, done.isIngested() ? event.apply(done) : rejection(done)))))
                        .call(done -> watchedPath == null
                                ? Uni.createFrom().voidItem()
                                : recordWatched(connection, done, watchedPath)));
    }

    private static MediaRejected rejection(MediaAsset asset) {
        String reason = asset.duplicateOf != null ? "duplicate of " + asset.duplicateOf : asset.rejectReason;
        return new MediaRejected(
                asset.id, asset.status.wire(), reason == null ? asset.status.wire() : reason, asset.duplicateOf);
    }

    private Uni<Void> recordWatched(SqlConnection connection, MediaAsset asset, String relativePath) {
        String sql = "insert into " + watched + " (project_id, relative_path, sha256, size_bytes, media_id)"
                + " values ($1, $2, $3, $4, $5) on conflict do nothing";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(asset.projectId, relativePath, asset.sha256, asset.sizeBytes, asset.id))
                .replaceWithVoid();
    }

    public Uni<Boolean> watchedBefore(UUID projectId, String relativePath, String sha256) {
        String sql = "select 1 from " + watched + " where project_id = $1 and relative_path = $2 and sha256 = $3";
        return tenancy.statementInProject(projectId, sql, Tuple.of(projectId, relativePath, sha256))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Two copies of the same bytes completing at once in one project queue here, so one becomes the duplicate. */
    private Uni<Void> lockContent(SqlConnection connection, MediaAsset asset) {
        return connection
                .preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(asset.projectId + "/" + asset.sha256))
                .replaceWithVoid();
    }

    private Uni<Optional<UUID>> existingWithSameBytes(SqlConnection connection, MediaAsset asset) {
        String sql = "select id from " + assets + " where project_id = $1 and sha256 = $2 and " + HOLDS_BYTES
                + " and id <> $3 limit 1";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(asset.projectId, asset.sha256, asset.id))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(iterator.next().getUUID("id")) : Optional.empty();
                });
    }

    private Uni<MediaAsset> markDuplicate(SqlConnection connection, MediaAsset asset, UUID original) {
        String sql = "update " + assets + " set status = 'duplicate', duplicate_of = $3, sha256 = $4, size_bytes = $5,"
                + " bytes_received = $5, updated_at = now() where project_id = $1 and id = $2";
        asset.moveTo(MediaStatus.DUPLICATE);
        asset.duplicateOf = original;
        asset.bytesReceived = asset.sizeBytes;
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(asset.projectId, asset.id, original, asset.sha256, asset.sizeBytes))
                .replaceWith(asset);
    }

    private Uni<Void> update(SqlConnection connection, MediaAsset a) {
        String sql = "update " + assets + " set status = $3, reject_reason = $4, storage_path = $5, content_type = $6,"
                + " media_type = $7, size_bytes = $8, bytes_received = $8, sha256 = $9, container = $10, video_codec = $11,"
                + " audio_codec = $12, duration_sec = $13, width = $14, height = $15, resolution = $16, frame_rate = $17,"
                + " has_audio = $18, jpeg_rendition_path = $19, platform_hint = $20, version = $21,"
                + " previous_version_id = $22, updated_at = $23 where project_id = $1 and id = $2";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.tuple(Arrays.asList(
                        a.projectId,
                        a.id,
                        a.status.wire(),
                        a.rejectReason,
                        a.storagePath,
                        a.contentType,
                        a.mediaType,
                        a.sizeBytes,
                        a.sha256,
                        a.container,
                        a.videoCodec,
                        a.audioCodec,
                        a.durationSec,
                        a.width,
                        a.height,
                        a.resolution,
                        a.frameRate,
                        a.hasAudio,
                        a.jpegRenditionPath,
                        a.platformHint,
                        a.version,
                        a.previousVersionId,
                        OffsetDateTime.now(ZoneOffset.UTC))))
                .replaceWithVoid();
    }
}
