package io.contentfactory.analysis.domain;

import io.contentfactory.analysis.persistence.MediaAnalysisRepository;
import io.contentfactory.analysis.frames.Thumbnails;
import io.contentfactory.analysis.platform.IngestThumbnails;
import io.contentfactory.analysis.probe.CorruptMediaException;
import io.contentfactory.media.MediaProbe;
import io.contentfactory.analysis.scoring.PreSocialScore;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.media.UndecodableMediaException;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.file.AsyncFile;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches an ingested file, probes it and records the analysis with {@code media.analyzed} in one transaction.
 * Analysing the same media again with the same analyzer version changes nothing.
 */
@ApplicationScoped
public class MediaAnalyzer {

    public static final String VERSION = "local-2";

    private final Vertx vertx;
    private final IngestThumbnails thumbnails;
    private final WebClient http;
    private final MediaAnalysisRepository analyses;
    private final Outbox outbox;
    private final Path workDir;

    MediaAnalyzer(Vertx vertx, IngestThumbnails thumbnails, MediaAnalysisRepository analyses, Outbox outbox,
            @ConfigProperty(name = "factory.analysis.work-dir") Path workDir) {
        this.vertx = vertx;
        this.thumbnails = thumbnails;
        this.http = WebClient.create(vertx);
        this.analyses = analyses;
        this.outbox = outbox;
        this.workDir = workDir;
    }

    /** Call inside a transaction bound to {@code projectId}. */
    public Uni<Void> analyze(UUID projectId, MediaIngested media) {
        return analyses.count("projectId = ?1 and mediaId = ?2 and analyzerVersion = ?3", projectId, media.mediaId(), VERSION)
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem() : fetchProbeAndRecord(projectId, media));
    }

    private Uni<Void> fetchProbeAndRecord(UUID projectId, MediaIngested media) {
        return download(media.contentUrl())
                .chain(file -> vertx.executeBlocking(Uni.createFrom().item(() -> analyzeFile(file)))
                        .chain(result -> thumbnail(projectId, media.mediaId(), file, result)
                                .map(url -> new Analysed(result, url.orElse(null))))
                        .eventually(() -> deleteQuietly(file)))
                .chain(analysed -> record(projectId, media, analysed));
    }

    private record Analysed(LocalAnalyzer.Result result, String thumbnailUrl) {
    }

    /** The best frame stored as the item's thumbnail in ingest-service's storage; its URL, when that worked. */
    private Uni<java.util.Optional<String>> thumbnail(UUID projectId, UUID mediaId, Path file, LocalAnalyzer.Result result) {
        if (!thumbnails.configured()) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        return Thumbnails.jpeg(file, result.best().timeSec());
                    } catch (UndecodableMediaException e) {
                        throw new CorruptMediaException(e.getMessage());
                    }
                }))
                .chain(jpeg -> thumbnails.store(projectId, mediaId, jpeg));
    }

    private Uni<Path> download(String url) {
        Path file;
        try {
            Files.createDirectories(workDir);
            file = Files.createTempFile(workDir, "media-", ".bin");
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .chain((AsyncFile target) -> http.getAbs(url).as(BodyCodec.pipe(target)).send())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("fetching " + url + " answered " + response.statusCode());
                    }
                    return file;
                });
    }

    private LocalAnalyzer.Result analyzeFile(Path file) {
        try {
            return LocalAnalyzer.analyze(file, ScoreWeights.DEFAULTS);
        } catch (UndecodableMediaException e) {
            throw new CorruptMediaException(e.getMessage());
        }
    }

    private Uni<Void> record(UUID projectId, MediaIngested media, Analysed analysed) {
        LocalAnalyzer.Result result = analysed.result();
        MediaProbe probe = result.probe();
        PreSocialScore score = result.score();
        MediaAnalysis analysis = new MediaAnalysis();
        analysis.projectId = projectId;
        analysis.id = UUID.randomUUID();
        analysis.mediaId = media.mediaId();
        analysis.analyzerVersion = VERSION;
        analysis.mediaType = media.mediaType().name().toLowerCase();
        analysis.contentType = media.contentType();
        analysis.durationSec = probe.durationSec() == null ? null : BigDecimal.valueOf(probe.durationSec());
        analysis.width = probe.width();
        analysis.height = probe.height();
        analysis.resolution = probe.resolution();
        analysis.frameRate = probe.frameRate() == null ? null : BigDecimal.valueOf(probe.frameRate());
        analysis.hasAudio = probe.hasAudio();
        analysis.preSocialScore = BigDecimal.valueOf(score.value());
        analysis.preSocialExplanation = score.explanationText();
        analysis.framesSampled = result.sampling().samples().size();
        analysis.bestFrameIndex = result.bestFrame();
        analysis.bestFrameTimeSec = BigDecimal.valueOf(result.best().timeSec());
        analysis.bestFrameUrl = analysed.thumbnailUrl();
        analysis.cutsPerMinute = BigDecimal.valueOf(result.features().cutsPerMinute());
        analysis.hookMotion = BigDecimal.valueOf(result.features().hookMotion());
        analysis.hookFace = BigDecimal.valueOf(result.features().hookFace());
        analysis.framesWithFaces = (int) result.sampling().samples().stream().filter(s -> !s.faces().isEmpty()).count();
        analysis.loudnessDbfs = BigDecimal.valueOf(result.audio().loudnessDbfs());
        analysis.speechRatio = BigDecimal.valueOf(result.audio().speechRatio());
        analysis.speechOnsetSec = result.audio().speechOnsetSec() == null ? null : BigDecimal.valueOf(result.audio().speechOnsetSec());
        analysis.leadingSilenceSec = BigDecimal.valueOf(result.audio().leadingSilenceSec());
        analysis.musicLikely = result.audio().musicLikely();
        analysis.scoreContributions = AnalysisJson.contributions(score);
        analysis.createdAt = Instant.now();
        MediaAnalyzed event = new MediaAnalyzed(media.mediaId(), analysis.id, media.mediaType(), media.contentType(),
                probe.durationSec(), probe.width(), probe.height(), score.value(), media.contentUrl(),
                captionFrom(media.fileName()), List.of());
        return analyses.persist(analysis).chain(() -> outbox.record(projectId, event)).replaceWithVoid();
    }

    /** Until the transcript-based captions of the analysis issue, the file name is the caption's seed. */
    private static String captionFrom(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]+$", "").replaceAll("[-_]+", " ").trim();
        return stem.isEmpty() ? "" : Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
