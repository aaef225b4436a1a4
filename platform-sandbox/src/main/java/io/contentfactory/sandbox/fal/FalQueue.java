package io.contentfactory.sandbox.fal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * fal.ai's queue as its documentation describes it: a request waits {@code IN_QUEUE}, runs {@code IN_PROGRESS}, and
 * is {@code COMPLETED} with its result (or its error) stored; it can be cancelled only while it waits. The media a
 * result points at is made with FFmpeg when first asked for. Faults are armed per prompt.
 */
@jakarta.enterprise.context.ApplicationScoped
public class FalQueue {

    /** What can go wrong with a request, armed for the next requests whose prompt contains a text. */
    public enum Fault {
        /** Submitting answers 500. */
        SERVER_ERROR,
        /** The request completes with a content-policy refusal instead of a result (422 on the result). */
        REFUSE,
        /** The request never leaves IN_QUEUE: no runner takes it. */
        NEVER_START,
        /** The request never leaves IN_PROGRESS. */
        NEVER_FINISH;

        static Fault of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public record Request(
            String id,
            String model,
            String prompt,
            String aspectRatio,
            double seconds,
            long seed,
            boolean video,
            Instant submittedAt,
            Fault fault,
            boolean cancelled) {

        Request cancel() {
            return new Request(id, model, prompt, aspectRatio, seconds, seed, video, submittedAt, fault, true);
        }
    }

    private record Armed(String promptContains, Fault fault, int[] left) {}

    private final FalConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final List<Request> submissions = new CopyOnWriteArrayList<>();
    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final Map<String, Path> videos = new ConcurrentHashMap<>();

    FalQueue(FalConfig config) {
        this.config = config;
    }

    public boolean authorised(String header) {
        return header != null && header.equals("Key " + config.apiKey());
    }

    public void arm(String promptContains, String fault, int times) {
        armed.add(new Armed(promptContains, Fault.of(fault), new int[] {times}));
    }

    /** Takes a request, or answers the armed server error (empty). */
    public Optional<Request> submit(String model, String prompt, String aspectRatio, double seconds, Long seed) {
        Fault fault = take(prompt);
        if (fault == Fault.SERVER_ERROR) {
            return Optional.empty();
        }
        Request request = new Request(
                UUID.randomUUID().toString(),
                model,
                prompt,
                aspectRatio,
                seconds,
                seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1L << 31),
                makesVideo(model),
                clock.instant(),
                fault,
                false);
        requests.put(request.id(), request);
        submissions.add(request);
        return Optional.of(request);
    }

    private synchronized Fault take(String prompt) {
        for (Armed a : armed) {
            if (a.left()[0] > 0 && prompt.contains(a.promptContains())) {
                a.left()[0]--;
                return a.fault();
            }
        }
        return null;
    }

    /**
     * The request, asked for under its model or, as fal.ai's status, result and cancel URLs are, under the model's app
     * (its first two segments: {@code fal-ai/kling-video} for {@code fal-ai/kling-video/v2.1/master/text-to-video}).
     */
    public Optional<Request> find(String modelOrApp, String id) {
        return Optional.ofNullable(requests.get(id))
                .filter(r -> r.model().equals(modelOrApp) || app(r.model()).equals(modelOrApp));
    }

    /** fal.ai's app of a model id: its first two segments. */
    static String app(String model) {
        String[] segments = model.split("/");
        return segments.length <= 2 ? model : segments[0] + "/" + segments[1];
    }

    /** {@code IN_QUEUE}, {@code IN_PROGRESS} or {@code COMPLETED} (a cancelled request completes at once). */
    public String status(Request request) {
        if (request.cancelled()) {
            return "COMPLETED";
        }
        Instant now = clock.instant();
        Instant started = request.submittedAt().plus(config.queueTime());
        if (request.fault() == Fault.NEVER_START || now.isBefore(started)) {
            return "IN_QUEUE";
        }
        if (request.fault() == Fault.NEVER_FINISH || now.isBefore(started.plus(config.runTime()))) {
            return "IN_PROGRESS";
        }
        return "COMPLETED";
    }

    /** Cancels a request still waiting; false once a runner has it. */
    public boolean cancel(Request request) {
        if (!"IN_QUEUE".equals(status(request))) {
            return false;
        }
        requests.put(request.id(), request.cancel());
        return true;
    }

    public Path video(Request request) {
        return videos.computeIfAbsent(request.id(), id -> {
            Path file = GeneratedMedia.tempMp4();
            GeneratedMedia.mp4(file, request.prompt(), request.aspectRatio(), request.seconds(), request.seed());
            return file;
        });
    }

    public byte[] image(Request request) {
        return GeneratedMedia.jpeg(request.prompt(), request.aspectRatio(), request.seed());
    }

    public List<Request> submissions() {
        return List.copyOf(submissions);
    }

    /** The catalog's video models by their id's family; anything else makes images. */
    static boolean makesVideo(String model) {
        String id = model.toLowerCase(Locale.ROOT);
        return List.of("video", "veo", "ray-2", "hailuo", "pixverse", "wan/", "ltx").stream()
                .anyMatch(id::contains);
    }
}
