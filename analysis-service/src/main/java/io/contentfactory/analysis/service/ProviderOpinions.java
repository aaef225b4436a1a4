package io.contentfactory.analysis.service;

import io.contentfactory.analysis.audio.Wav;
import io.contentfactory.analysis.clients.FrameJudge;
import io.contentfactory.analysis.clients.LlmCaptions;
import io.contentfactory.analysis.clients.LlmCopy;
import io.contentfactory.analysis.clients.LocalAnalyzer;
import io.contentfactory.analysis.clients.SpeechToText;
import io.contentfactory.analysis.domain.AnalysisJson;
import io.contentfactory.analysis.domain.AnalysisSettings;
import io.contentfactory.analysis.domain.AnalysisStage;
import io.contentfactory.analysis.domain.ProviderKind;
import io.contentfactory.analysis.domain.ProviderResult;
import io.contentfactory.analysis.frames.BestFrame;
import io.contentfactory.analysis.frames.Thumbnails;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.analysis.probe.CorruptMediaException;
import io.contentfactory.analysis.text.TextFeatures;
import io.contentfactory.media.UndecodableMediaException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What the AI providers enabled for a project add to the local analysis: a frame chosen by eye (vision), a transcript
 * (speech to text), captions, topics and tone (a language model). Each is asked only when configured and allowed for
 * the project; a provider that fails or times out leaves a failed {@link ProviderResult}, and the local result stands.
 */
@ApplicationScoped
class ProviderOpinions {

    /** Candidate frames are shown to a vision provider this wide: enough to judge a cover, cheap to send. */
    private static final int CANDIDATE_WIDTH = 512;

    private final Vertx vertx;
    private final SpeechToText speech;
    private final LlmCaptions llm;
    private final FrameJudge vision;
    private final AnalysisProgress progress;

    ProviderOpinions(Vertx vertx, SpeechToText speech, LlmCaptions llm, FrameJudge vision, AnalysisProgress progress) {
        this.vertx = vertx;
        this.speech = speech;
        this.llm = llm;
        this.vision = vision;
        this.progress = progress;
    }

    /** The frame that becomes the thumbnail (its position among the samples) and who chose it: local or vision. */
    record Looked(int bestFrame, String chosenBy, List<ProviderResult> providerResults) {}

    record Heard(SpeechToText.Transcript transcript, List<ProviderResult> providerResults) {}

    record Written(SpeechToText.Transcript transcript, LlmCopy copy, List<ProviderResult> providerResults) {}

    /**
     * The thumbnail frame: the vision provider's pick among the local analyzer's candidates (the best few it found
     * eligible, as many as the project lets one request carry), when vision is enabled for the project and answers;
     * otherwise, and whenever there is nothing to choose between, the local best frame.
     */
    Uni<Looked> looked(
            UUID projectId, UUID mediaId, Path file, LocalAnalyzer.Result result, AnalysisSettings settings) {
        Looked local = new Looked(result.bestFrame(), "local", List.of());
        List<Integer> ranked = BestFrame.ranked(result.sampling().samples());
        List<Integer> shown = ranked.subList(0, Math.min(ranked.size(), settings.maxFramesPerRequest()));
        if (!vision.configured() || !settings.providersEnabled() || shown.size() < 2) {
            return Uni.createFrom().item(local);
        }
        return progress.record(projectId, MediaAnalyzer.analyzing(mediaId, AnalysisStage.VISION, 75))
                .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> candidates(file, result, shown))))
                .chain(vision::judge)
                .map(verdict -> new Looked(
                        verdict.bestSampleIndex(),
                        "vision",
                        List.of(ProviderResult.ok(ProviderKind.FRAMES, vision.provider(), AnalysisJson.of(verdict)))))
                .onFailure()
                .recoverWithItem(failure -> new Looked(
                        local.bestFrame(),
                        "local",
                        List.of(ProviderResult.failed(ProviderKind.FRAMES, vision.provider(), reason(failure)))));
    }

    private static List<FrameJudge.Candidate> candidates(Path file, LocalAnalyzer.Result result, List<Integer> shown) {
        List<FrameJudge.Candidate> candidates = new java.util.ArrayList<>();
        for (int position : shown) {
            double time = result.sampling().samples().get(position).timeSec();
            try {
                candidates.add(new FrameJudge.Candidate(position, time, Thumbnails.jpeg(file, time, CANDIDATE_WIDTH)));
            } catch (UndecodableMediaException e) {
                throw new CorruptMediaException(e.getMessage());
            }
        }
        return candidates;
    }

    /**
     * The LLM's captions, topics and tone, when it is enabled and allowed for the project; a failure or timeout leaves
     * a failed result and the local captions stand.
     */
    Uni<Written> written(String fileName, Heard heard, AnalysisSettings settings) {
        if (!llm.configured() || !settings.providersEnabled()) {
            return Uni.createFrom().item(new Written(heard.transcript(), null, heard.providerResults()));
        }
        String transcript =
                heard.transcript() == null ? null : heard.transcript().text();
        List<String> topics = TextFeatures.of(transcript, fileName, settings.defaultHashtags())
                .topics();
        return llm.write(io.contentfactory.analysis.text.CaptionSuggestions.titleOf(fileName), transcript, topics)
                .map(copy -> new Written(
                        heard.transcript(),
                        copy,
                        plus(
                                heard.providerResults(),
                                ProviderResult.ok(ProviderKind.CAPTIONS, llm.provider(), AnalysisJson.of(copy)))))
                .onFailure()
                .recoverWithItem(failure -> new Written(
                        heard.transcript(),
                        null,
                        plus(
                                heard.providerResults(),
                                ProviderResult.failed(ProviderKind.CAPTIONS, llm.provider(), reason(failure)))));
    }

    /** A provider failure as stored: its kind (a timeout, a server error) and what the provider said. */
    private static String reason(Throwable failure) {
        return failure instanceof io.contentfactory.analysis.clients.ProviderFailure
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static List<ProviderResult> plus(List<ProviderResult> results, ProviderResult more) {
        return concat(results, List.of(more));
    }

    static List<ProviderResult> concat(List<ProviderResult> first, List<ProviderResult> then) {
        List<ProviderResult> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    /**
     * The transcript, when speech-to-text is configured, allowed for the project and there is audio; a provider that
     * fails or times out leaves a failed result and no transcript, and the analysis goes on with the local one.
     */
    Uni<Heard> heard(UUID projectId, UUID mediaId, LocalAnalyzer.Result result, AnalysisSettings settings) {
        if (!speech.configured() || !settings.providersEnabled() || result.audioSamples() == null) {
            return Uni.createFrom().item(new Heard(null, List.of()));
        }
        return progress.record(projectId, MediaAnalyzer.analyzing(mediaId, AnalysisStage.WORDS, 85))
                .chain(() -> speech.transcribe(Wav.of(result.audioSamples())))
                .map(transcript -> new Heard(
                        transcript,
                        List.of(ProviderResult.ok(
                                ProviderKind.TRANSCRIPT, transcript.provider(), AnalysisJson.of(transcript)))))
                .onFailure()
                .recoverWithItem(failure -> new Heard(
                        null,
                        List.of(ProviderResult.failed(ProviderKind.TRANSCRIPT, speech.provider(), reason(failure)))));
    }
}
