package io.contentfactory.analysis.service;

import io.contentfactory.analysis.clients.LlmCopy;
import io.contentfactory.analysis.clients.LocalAnalyzer;
import io.contentfactory.analysis.clients.SpeechToText;
import io.contentfactory.analysis.domain.AnalysisJson;
import io.contentfactory.analysis.domain.AnalysisSettings;
import io.contentfactory.analysis.domain.AnalysisStage;
import io.contentfactory.analysis.domain.AnalysisStatus;
import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.domain.ProviderResult;
import io.contentfactory.analysis.frames.Thumbnails;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.analysis.persistence.AnalysisSettingsStore;
import io.contentfactory.analysis.persistence.MediaAnalysisStore;
import io.contentfactory.analysis.persistence.ProjectPatterns;
import io.contentfactory.analysis.probe.CorruptMediaException;
import io.contentfactory.analysis.scoring.LearnedScore;
import io.contentfactory.analysis.scoring.PatternOverlap;
import io.contentfactory.analysis.scoring.PreSocialScore;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.analysis.text.Hashtags;
import io.contentfactory.analysis.text.Sentiment;
import io.contentfactory.analysis.text.TextFeatures;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.contracts.events.PatternImported;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.UndecodableMediaException;
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
 * Analyses an ingested file in two steps: {@link #prepare} fetches it, analyses it and asks the providers, holding no
 * transaction; {@link #record} then stores the analysis with {@code media.analyzed} in one transaction. Analysing the
 * same media again with the same analyzer version changes nothing.
 */
@ApplicationScoped
public class MediaAnalyzer {

    public static final String VERSION = "local-3";

    private final Vertx vertx;
    private final IngestClient ingest;
    private final ProviderOpinions opinions;
    private final AnalysisSettingsStore projectSettings;
    private final AnalysisProgress progress;
    private final WebClient http;
    private final MediaAnalysisStore analyses;
    private final Outbox outbox;
    private final ProjectPatterns patterns;
    private final AccountModels accountModels;
    private final Path workDir;

    MediaAnalyzer(
            Vertx vertx,
            IngestClient ingest,
            ProviderOpinions opinions,
            AnalysisSettingsStore projectSettings,
            AnalysisProgress progress,
            MediaAnalysisStore analyses,
            Outbox outbox,
            ProjectPatterns patterns,
            AccountModels accountModels,
            @ConfigProperty(name = "factory.analysis.work-dir") Path workDir) {
        this.vertx = vertx;
        this.ingest = ingest;
        this.opinions = opinions;
        this.projectSettings = projectSettings;
        this.progress = progress;
        this.http = WebClient.create(vertx);
        this.analyses = analyses;
        this.outbox = outbox;
        this.patterns = patterns;
        this.accountModels = accountModels;
        this.workDir = workDir;
    }

    /**
     * What analysing one item found, ready to be recorded: the slow part done outside any transaction (fetching the
     * file, analysing it, asking the providers, which may take a minute), so that no database transaction is held
     * open meanwhile. Nothing, when this analyzer version has analysed the item already.
     */
    public static final class Prepared {
        private final MediaIngested media;
        private final Analysed analysed;

        private Prepared(MediaIngested media, Analysed analysed) {
            this.media = media;
            this.analysed = analysed;
        }
    }

    /** The slow part of an analysis, in no transaction; {@link #record} stores what it found. */
    public Uni<Prepared> prepare(UUID projectId, MediaIngested media) {
        return analyses.analysedBy(projectId, media.mediaId(), VERSION)
                .chain(done -> done
                        ? Uni.createFrom().item(new Prepared(media, null))
                        : fetchAndAnalyse(projectId, media).map(analysed -> new Prepared(media, analysed)));
    }

    /**
     * Records a prepared analysis with {@code media.analyzed}. Call inside a transaction bound to {@code projectId}.
     * Should another delivery have recorded this version's analysis meanwhile, nothing changes.
     */
    public Uni<Void> record(UUID projectId, Prepared prepared) {
        if (prepared.analysed == null) {
            return Uni.createFrom().voidItem();
        }
        return analyses.count(
                        "projectId = ?1 and mediaId = ?2 and analyzerVersion = ?3",
                        projectId,
                        prepared.media.mediaId(),
                        VERSION)
                .chain(existing -> existing > 0
                        ? Uni.createFrom().voidItem()
                        : patterns.live()
                                .chain(known -> accountModels
                                        .scoring()
                                        .chain(learned ->
                                                record(projectId, prepared.media, prepared.analysed, known, learned))));
    }

    private Uni<Analysed> fetchAndAnalyse(UUID projectId, MediaIngested media) {
        return progress.record(projectId, analyzing(media.mediaId(), AnalysisStage.FETCHING, 5))
                .chain(() -> projectSettings.settings(projectId))
                .chain(settings -> download(media.contentUrl())
                        .chain(file ->
                                analysed(projectId, media, file, settings).eventually(() -> deleteQuietly(file))))
                .onFailure(failure -> !(failure instanceof io.contentfactory.kit.messaging.PermanentFailure))
                .call(failure -> progress.record(
                                projectId,
                                AnalysisStatus.RETRYING.report(
                                        media.mediaId(),
                                        AnalysisStage.FETCHING,
                                        0,
                                        String.valueOf(failure.getMessage())))
                        .onFailure()
                        .recoverWithNull());
    }

    /** The local analysis, then what the providers enabled for the project add to it: a frame chosen by eye, words. */
    private Uni<Analysed> analysed(UUID projectId, MediaIngested media, Path file, AnalysisSettings settings) {
        UUID mediaId = media.mediaId();
        LocalAnalyzer.Stages stages = (stage, percent) -> progress.record(projectId, analyzing(mediaId, stage, percent))
                .await()
                .indefinitely();
        return vertx.executeBlocking(Uni.createFrom().item(() -> analyzeFile(file, settings.weights(), stages)))
                .chain(result -> opinions.looked(projectId, mediaId, file, result, settings)
                        .chain(looked -> thumbnail(
                                        projectId,
                                        mediaId,
                                        file,
                                        result.sampling()
                                                .samples()
                                                .get(looked.bestFrame())
                                                .timeSec())
                                .chain(url -> opinions.heard(projectId, mediaId, result, settings)
                                        .chain(heard -> opinions.written(media.fileName(), heard, settings))
                                        .map(words -> new Analysed(
                                                result,
                                                looked,
                                                url.orElse(null),
                                                words.transcript(),
                                                words.copy(),
                                                ProviderOpinions.concat(
                                                        looked.providerResults(), words.providerResults()),
                                                settings)))));
    }

    static MediaAnalysisProgressed analyzing(UUID mediaId, AnalysisStage stage, int percent) {
        return AnalysisStatus.ANALYZING.report(mediaId, stage, percent, null);
    }

    private record Analysed(
            LocalAnalyzer.Result result,
            ProviderOpinions.Looked looked,
            String thumbnailUrl,
            SpeechToText.Transcript transcript,
            LlmCopy copy,
            List<ProviderResult> providerResults,
            AnalysisSettings settings) {}

    /** The best frame stored as the item's thumbnail in ingest-service's storage; its URL, when that worked. */
    private Uni<java.util.Optional<String>> thumbnail(UUID projectId, UUID mediaId, Path file, double timeSec) {
        if (!ingest.configured()) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        return Thumbnails.jpeg(file, timeSec);
                    } catch (UndecodableMediaException e) {
                        throw new CorruptMediaException(e.getMessage());
                    }
                }))
                .chain(jpeg -> ingest.storeThumbnail(projectId, mediaId, jpeg));
    }

    private Uni<Path> download(String url) {
        Path file;
        try {
            Files.createDirectories(workDir);
            file = Files.createTempFile(workDir, "media-", ".bin");
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
        return vertx.fileSystem()
                .open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .chain((AsyncFile target) ->
                        http.getAbs(url).as(BodyCodec.pipe(target)).send())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("fetching " + url + " answered " + response.statusCode());
                    }
                    return file;
                });
    }

    private LocalAnalyzer.Result analyzeFile(Path file, ScoreWeights weights, LocalAnalyzer.Stages stages) {
        try {
            return LocalAnalyzer.analyze(file, weights, stages);
        } catch (UndecodableMediaException e) {
            throw new CorruptMediaException(e.getMessage());
        }
    }

    private Uni<Void> record(
            UUID projectId,
            MediaIngested media,
            Analysed analysed,
            List<PatternImported.Pattern> known,
            java.util.Optional<ModelUpdated> learned) {
        LocalAnalyzer.Result result = analysed.result();
        MediaProbe probe = result.probe();
        String transcript =
                analysed.transcript() == null ? null : analysed.transcript().text();
        TextFeatures words = TextFeatures.of(
                transcript, media.fileName(), analysed.settings().defaultHashtags());
        List<PatternOverlap.Match> resembled =
                PatternOverlap.of(known, shape(result, probe, words, transcript, media.fileName()));
        PreSocialScore score = result.score()
                .with(PatternOverlap.contribution(
                        resembled, known.size(), analysed.settings().weights().patternOverlap()));
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
        analysis.bestFrameIndex = analysed.looked().bestFrame();
        analysis.bestFrameTimeSec = BigDecimal.valueOf(
                result.sampling().samples().get(analysed.looked().bestFrame()).timeSec());
        analysis.bestFrameChosenBy = analysed.looked().chosenBy();
        analysis.bestFrameUrl = analysed.thumbnailUrl();
        analysis.cutsPerMinute = BigDecimal.valueOf(result.features().cutsPerMinute());
        analysis.hookMotion = BigDecimal.valueOf(result.features().hookMotion());
        analysis.hookFace = BigDecimal.valueOf(result.features().hookFace());
        analysis.framesWithFaces = (int) result.sampling().samples().stream()
                .filter(s -> !s.faces().isEmpty())
                .count();
        analysis.framesWithText = (int) result.sampling().samples().stream()
                .filter(s -> !s.text().isEmpty())
                .count();
        analysis.firstTextSec = result.features().firstTextSec() == null
                ? null
                : BigDecimal.valueOf(result.features().firstTextSec());
        analysis.loudnessDbfs = BigDecimal.valueOf(result.audio().loudnessDbfs());
        analysis.speechRatio = BigDecimal.valueOf(result.audio().speechRatio());
        analysis.speechOnsetSec = result.audio().speechOnsetSec() == null
                ? null
                : BigDecimal.valueOf(result.audio().speechOnsetSec());
        analysis.leadingSilenceSec = BigDecimal.valueOf(result.audio().leadingSilenceSec());
        analysis.musicLikely = result.audio().musicLikely();
        analysis.scoreContributions = AnalysisJson.contributions(score);
        analysis.patternOverlap = AnalysisJson.of(resembled);
        analysis.transcript = transcript;
        // The detector's ISO 639-1 code first: providers name languages their own way ("english").
        analysis.language = words.language() != null
                ? words.language()
                : analysed.transcript() == null ? null : analysed.transcript().language();
        analysis.textSource = words.source();
        analysis.sentimentOverall = Sentiment.of(transcript, analysis.language).stream()
                .mapToObj(BigDecimal::valueOf)
                .findFirst()
                .orElse(null);
        analysis.viralityFeatures = AnalysisJson.of(result.features().asDocument());
        analysis.topics = AnalysisJson.of(words.topics());
        analysis.hashtags = AnalysisJson.of(words.hashtags());
        analysis.captionSuggestions = AnalysisJson.of(words.captions());
        analysis.createdAt = Instant.now();
        AnalysisFeatures features = features(analysis, score, words.topics(), resembled);
        learned.map(model -> LearnedScore.of(model, LearningFeatures.of(media.mediaType(), features)))
                .ifPresent(learnedScore -> {
                    analysis.learnedScore = AnalysisJson.of(learnedScore);
                    analysis.preSocialExplanation += "; " + learnedScore.explanation();
                });
        // Hashtags go out with the post only when they come from what is said or from the project: a file name's
        // words are offered as suggestions, not posted.
        LlmCopy copy = analysed.copy();
        List<String> posted =
                copy != null && copy.hashtags() != null && !copy.hashtags().isEmpty()
                        ? Hashtags.of(copy.hashtags(), 10)
                        : transcript != null
                                ? words.hashtags()
                                : Hashtags.of(analysed.settings().defaultHashtags(), 10);
        String caption =
                copy != null && copy.instagram() != null && !copy.instagram().isBlank()
                        ? copy.instagram()
                        : words.captions().get("instagram").caption();
        MediaAnalyzed event = new MediaAnalyzed(
                media.mediaId(),
                analysis.id,
                media.mediaType(),
                media.contentType(),
                probe.durationSec(),
                probe.width(),
                probe.height(),
                score.value(),
                media.contentUrl(),
                caption,
                posted,
                media.jpegUrl(),
                features);
        analysed.providerResults().forEach(row -> {
            row.projectId = projectId;
            row.analysisId = analysis.id;
        });
        MediaAnalysisProgressed done = AnalysisStatus.ANALYZED.report(media.mediaId(), AnalysisStage.DONE, 100, null);
        return analyses.persist(analysis)
                .chain(() -> analyses.persist(analysed.providerResults()))
                .chain(() -> outbox.record(projectId, event))
                .chain(() -> progress.recordInTransaction(projectId, done));
    }

    /** What {@code media.analyzed} tells later stages about the item: its features and the score's parts. */
    private static AnalysisFeatures features(
            MediaAnalysis analysis, PreSocialScore score, List<String> topics, List<PatternOverlap.Match> resembled) {
        return new AnalysisFeatures(
                topics,
                decimal(analysis.hookMotion),
                decimal(analysis.hookFace),
                decimal(analysis.cutsPerMinute),
                analysis.framesSampled,
                analysis.framesWithFaces,
                analysis.framesWithText,
                decimal(analysis.firstTextSec),
                decimal(analysis.speechRatio),
                analysis.transcript,
                score.contributions().stream()
                        .map(part -> new AnalysisFeatures.ScoreContribution(
                                part.feature(), part.points(), part.maxPoints(), part.reason()))
                        .toList(),
                resembled.stream()
                        .map(match -> new AnalysisFeatures.PatternMatch(
                                match.patternId(), match.similarity(), match.sharedWords()))
                        .toList());
    }

    /** The item as patterns are compared with it: its words, length and the format its pictures suggest. */
    private static PatternOverlap.MediaShape shape(
            LocalAnalyzer.Result result, MediaProbe probe, TextFeatures words, String transcript, String fileName) {
        var samples = result.sampling().samples();
        int withFaces = (int) samples.stream().filter(s -> !s.faces().isEmpty()).count();
        double meanFaces = samples.stream()
                .filter(s -> !s.faces().isEmpty())
                .mapToInt(s -> s.faces().size())
                .average()
                .orElse(0);
        int withText = (int) samples.stream().filter(s -> !s.text().isEmpty()).count();
        return PatternOverlap.shape(
                words.topics(),
                transcript,
                io.contentfactory.analysis.text.CaptionSuggestions.titleOf(fileName),
                probe.durationSec(),
                samples.size(),
                withFaces,
                meanFaces,
                withText,
                result.audio().speechRatio());
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
