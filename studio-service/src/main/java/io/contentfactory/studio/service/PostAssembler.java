package io.contentfactory.studio.service;

import io.contentfactory.contracts.events.GenerationCompleted;
import io.contentfactory.contracts.events.GenerationError;
import io.contentfactory.contracts.events.GenerationFailed;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.studio.assembly.Canvas;
import io.contentfactory.studio.assembly.PostAssembly;
import io.contentfactory.studio.config.StudioConfig;
import io.contentfactory.studio.domain.Generation;
import io.contentfactory.studio.domain.GenerationFormat;
import io.contentfactory.studio.domain.GenerationShot;
import io.contentfactory.studio.domain.ShotMedium;
import io.contentfactory.studio.persistence.GenerationStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The end of a generation: its shots' outputs fetched from the providers, put together ({@link PostAssembly}: a reel's
 * MP4, an image post's JPEG, a carousel's JPEGs) and handed to ingest-service as new media with their provenance; then
 * the generation is {@code completed} with {@code generation.completed}, in one transaction. An output that cannot be
 * fetched or assembled fails the generation; ingest-service out of reach is tried again until the hand-off deadline.
 */
@ApplicationScoped
public class PostAssembler {

    private static final Logger LOG = Logger.getLogger(PostAssembler.class);
    private static final long MAX_OUTPUT_BYTES = 1L << 30;

    /** One assembled file, ready to hand in. */
    record Made(Path file, String fileName, String contentType) {}

    /** A step of the end that failed for good. */
    static final class EndFailure extends RuntimeException {
        final transient GenerationError error;

        EndFailure(GenerationError error, Throwable cause) {
            super(error.message(), cause, false, false);
            this.error = error;
        }
    }

    private final GenerationStore generations;
    private final IngestClient ingest;
    private final Outbox outbox;
    private final Vertx vertx;
    private final PostAssembly assembly;
    private final StudioConfig config;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    PostAssembler(GenerationStore generations, IngestClient ingest, Outbox outbox, Vertx vertx, StudioConfig config) {
        this.generations = generations;
        this.ingest = ingest;
        this.outbox = outbox;
        this.vertx = vertx;
        this.config = config;
        this.assembly = new PostAssembly(
                config.assembly().frameRate(), config.assembly().loudness());
    }

    Uni<Void> assemble(TimerClaim claim, GenerationWorker.Round round, DurableTimer timer) {
        Generation generation = round.generation();
        List<GenerationShot> shots = round.shots();
        return vertx.executeBlocking(Uni.createFrom().item(() -> made(generation, shots)), false)
                .chain(made -> handIn(generation, shots, made)
                        .onTermination()
                        .invoke(() -> deleteTree(made.getFirst().file().getParent())))
                .chain(mediaIds -> timer.fireWith(claim, () -> completed(claim, mediaIds)))
                .onFailure(EndFailure.class)
                .recoverWithUni(failure -> timer.fireWith(claim, () -> failed(claim, ((EndFailure) failure).error)))
                .onFailure(failure -> !(failure instanceof GenerationWorker.LeaseLost))
                .recoverWithUni(failure -> retryOrFail(claim, generation, timer, failure));
    }

    /** ingest-service out of reach, or answering 5xx: again a little later, until the hand-off deadline. */
    private Uni<Void> retryOrFail(TimerClaim claim, Generation generation, DurableTimer timer, Throwable failure) {
        Instant deadline = generation.updatedAt.plus(config.worker().handoffDeadline());
        if (Instant.now().isAfter(deadline)) {
            GenerationError error = new GenerationError(
                    "handoff_failed",
                    "ingest-service did not take the generated post before the hand-off deadline: "
                            + failure.getMessage(),
                    "handoff",
                    true,
                    Map.of());
            return timer.fireWith(claim, () -> failed(claim, error));
        }
        LOG.warnf("generation %s: the hand-off failed (%s); tried again shortly", generation.id, failure.toString());
        return timer.postpone(
                        claim, Instant.now().plus(config.worker().pollInterval().multipliedBy(10)))
                .replaceWithVoid();
    }

    /** Blocking: fetches every output and assembles the post in a temporary directory. */
    private List<Made> made(Generation generation, List<GenerationShot> shots) {
        Path work;
        try {
            work = Files.createTempDirectory("generation-" + generation.id + "-");
        } catch (IOException e) {
            throw new EndFailure(error("assembly_failed", "no temporary directory: " + e.getMessage(), "assembly"), e);
        }
        List<PostAssembly.Piece> pieces = new ArrayList<>();
        try {
            for (GenerationShot shot : shots) {
                boolean still = shot.medium.equals(ShotMedium.IMAGE.wire());
                Path file = work.resolve("shot-" + shot.index + (still ? ".img" : ".clip"));
                fetch(shot, file);
                pieces.add(new PostAssembly.Piece(file, still, shot.seconds.doubleValue(), shot.onScreenText));
            }
        } catch (EndFailure e) {
            deleteTree(work);
            throw e;
        }
        Canvas canvas = Canvas.of(generation.aspectRatio, config.assembly().shortSide());
        try {
            List<Made> made = new ArrayList<>();
            if (generation.format == GenerationFormat.REEL) {
                Path out = work.resolve("reel.mp4");
                assembly.video(pieces, canvas, out);
                made.add(new Made(out, "generated-" + generation.id + ".mp4", "video/mp4"));
            } else {
                for (int i = 0; i < pieces.size(); i++) {
                    Path out = work.resolve("still-" + i + ".jpg");
                    assembly.still(pieces.get(i), canvas, out);
                    made.add(new Made(out, "generated-" + generation.id + "-" + (i + 1) + ".jpg", "image/jpeg"));
                }
            }
            return made;
        } catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw new EndFailure(error("assembly_failed", e.getMessage(), "assembly"), e);
        }
    }

    private void fetch(GenerationShot shot, Path file) {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(shot.outputUrl))
                            .timeout(Duration.ofMinutes(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                long length =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (length > MAX_OUTPUT_BYTES) {
                    throw new IOException("the output is " + length + " bytes, more than " + MAX_OUTPUT_BYTES);
                }
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new EndFailure(
                    new GenerationError(
                            "output_fetch_failed",
                            "shot " + shot.index + "'s output could not be fetched from " + shot.provider + ": "
                                    + e.getMessage(),
                            "fetch",
                            true,
                            Map.of("shot", shot.index, "provider", shot.provider)),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndFailure(error("output_fetch_failed", "interrupted", "fetch"), e);
        }
    }

    private Uni<List<UUID>> handIn(Generation generation, List<GenerationShot> shots, List<Made> made) {
        String provenance = provenance(generation, shots);
        UUID planId = "plan".equals(generation.sourceType) ? generation.sourceId : null;
        return Multi.createFrom()
                .iterable(made)
                .onItem()
                .transformToUniAndConcatenate(file -> ingest.submitGenerated(
                        generation.projectId, file.file(), file.fileName(), file.contentType(), planId, provenance))
                .collect()
                .asList()
                .onFailure(IngestClient.HandoffRefused.class)
                .transform(
                        refused -> new EndFailure(error("handoff_refused", refused.getMessage(), "handoff"), refused));
    }

    /** How the post was made, as ingest-service keeps it with the item. */
    static String provenance(Generation generation, List<GenerationShot> shots) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", generation.sourceType);
        source.put("id", generation.sourceId);
        source.put("prompt", generation.prompt);
        List<Map<String, Object>> shotList = new ArrayList<>();
        for (GenerationShot shot : shots) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", shot.index);
            entry.put("medium", shot.medium);
            entry.put("seconds", shot.seconds);
            entry.put("visualDirection", shot.visualDirection);
            entry.put("onScreenText", shot.onScreenText);
            entry.put("prompt", shot.prompt);
            entry.put("model", shot.modelId);
            entry.put("provider", shot.provider);
            entry.put("choiceReason", shot.choiceReason);
            entry.put("providerRequestId", shot.providerRequestId);
            entry.put("seed", shot.seed);
            entry.put("costUsd", shot.cost);
            shotList.add(entry);
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("generationId", generation.id);
        provenance.put("source", source);
        provenance.put("format", generation.format.wire());
        provenance.put("aspectRatio", generation.aspectRatio);
        provenance.put("style", generation.style);
        provenance.put("shots", shotList);
        provenance.put("costUsd", Generation.costOf(shots));
        return GenerationWorker.json(provenance);
    }

    private Uni<Void> completed(TimerClaim claim, List<UUID> mediaIds) {
        return generations
                .findById(claim.id())
                .chain(generation -> generations.shots(claim.id()).chain(shots -> {
                    Instant now = Instant.now();
                    generation.complete(mediaIds, Generation.costOf(shots), now);
                    LOG.infof("generation %s completed as %s", generation.id, mediaIds);
                    return outbox.record(
                                    generation.projectId,
                                    new GenerationCompleted(
                                            generation.id,
                                            mediaIds,
                                            generation.sourceType,
                                            generation.sourceId,
                                            generation.format.wire(),
                                            generation.platformList(),
                                            generation.autoPost,
                                            generation.actualCost,
                                            now))
                            .replaceWithVoid();
                }));
    }

    /** Ends the generation failed with {@code generation.failed}; used by the worker for a shot with no model left too. */
    Uni<Void> failed(TimerClaim claim, GenerationError error) {
        return generations
                .findById(claim.id())
                .chain(generation -> generations.shots(claim.id()).chain(shots -> {
                    Instant now = Instant.now();
                    shots.stream()
                            .filter(s -> s.status.open())
                            .forEach(s -> s.moveTo(io.contentfactory.studio.domain.ShotStatus.CANCELLED, now));
                    generation.fail(GenerationWorker.json(error), Generation.costOf(shots), now);
                    LOG.warnf("generation %s failed: %s %s", generation.id, error.code(), error.message());
                    return outbox.record(
                                    generation.projectId,
                                    new GenerationFailed(
                                            generation.id,
                                            generation.sourceType,
                                            generation.sourceId,
                                            error,
                                            generation.actualCost,
                                            now))
                            .replaceWithVoid();
                }));
    }

    private static GenerationError error(String code, String message, String stage) {
        return new GenerationError(code, message == null ? code : message, stage, false, Map.of());
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // left in the temporary directory, which the machine's temp cleaning takes
        }
    }
}
