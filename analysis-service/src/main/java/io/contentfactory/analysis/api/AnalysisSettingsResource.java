package io.contentfactory.analysis.api;

import io.contentfactory.analysis.domain.AnalysisSettings;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.analysis.service.AnalysisService;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/analysis-settings}: the key's project's analysis settings. The score weights apply to analyses made
 * after they change (an earlier analysis keeps the score it was given).
 */
@Path("/v1/analysis-settings")
@Authenticated
public class AnalysisSettingsResource {

    private static final String PROBLEM = "application/problem+json";
    private static final int MAX_WEIGHT = 100;

    private final AnalysisService analyses;
    private final CallerProject caller;

    AnalysisSettingsResource(AnalysisService analyses, CallerProject caller) {
        this.analyses = analyses;
        this.caller = caller;
    }

    /**
     * @param providersEnabled    whether the configured providers (speech-to-text, LLM, vision) may be used: the cost switch
     * @param maxFramesPerRequest how many candidate frames one vision request may carry
     * @param defaultHashtags     offered (and posted) when a clip says nothing, without the {@code #}
     * @param weights             each feature's points: hook, pacing, length, aspect, picture, speech, sound, text
     * @param learned             the model in force for each of the project's accounts, against these weights
     */
    public record Settings(
            boolean providersEnabled,
            int maxFramesPerRequest,
            List<String> defaultHashtags,
            Map<String, Double> weights,
            List<LearnedWeights> learned) {

        static Settings of(AnalysisService.SettingsWithModels settings) {
            return new Settings(
                    settings.settings().providersEnabled(),
                    settings.settings().maxFramesPerRequest(),
                    settings.settings().defaultHashtags(),
                    settings.settings().weights().byFeature(),
                    settings.models().stream().map(LearnedWeights::of).toList());
        }
    }

    /**
     * An account's model in force (docs/learning.md): version 0 with source {@code defaults} means the default weights.
     *
     * @param scoresNewMedia whether this model scores new media (the learned one resting on the most posts)
     * @param effects        per feature: its effect on ln(views at the checkpoint ÷ the account's median) going from 0
     *                       to 1, with the 95 % interval
     */
    public record LearnedWeights(
            String platform,
            String accountId,
            int version,
            String source,
            int posts,
            String checkpoint,
            boolean scoresNewMedia,
            List<io.contentfactory.contracts.events.ModelUpdated.Effect> effects) {

        static LearnedWeights of(AnalysisService.AccountModel model) {
            var m = model.model();
            return new LearnedWeights(
                    m.platform().name().toLowerCase(java.util.Locale.ROOT),
                    m.accountId(),
                    m.version(),
                    m.source(),
                    m.posts(),
                    m.checkpoint(),
                    model.scoresNewMedia(),
                    m.effects());
        }
    }

    /** The settings to hold from now on; a field left out takes its default, a feature left out of weights too. */
    public record NewSettings(
            Boolean providersEnabled,
            @Min(1) @Max(16) Integer maxFramesPerRequest,
            @Size(max = 30) List<@NotNull @Size(min = 1, max = 60) String> defaultHashtags,
            @Size(max = 8) Map<String, @NotNull Double> weights) {}

    @GET
    @Operation(
            operationId = "getAnalysisSettings",
            summary = "The project's analysis settings (the defaults until changed)")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    public Uni<Settings> get() {
        UUID projectId = caller.id();
        return analyses.settingsWithModels(projectId).map(Settings::of);
    }

    @PUT
    @Operation(
            operationId = "putAnalysisSettings",
            summary = "Replace the project's analysis settings",
            description =
                    "Weights are the points each feature of the pre-social score can earn (0 to 100 each; the score"
                            + " is capped at 100). They apply to analyses made from now on; ask for an item to be analysed again"
                            + " to score it with them.")
    @APIResponse(
            responseCode = "200",
            description = "The settings as they are now",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A value out of range (code validation_failed), an unknown feature or"
                            + " weights that are all zero (invalid_weights), a hashtag with spaces or symbols (invalid_hashtag)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Settings> put(@Valid @NotNull NewSettings change) {
        UUID projectId = caller.id();
        AnalysisSettings settings = settings(change);
        return analyses.saveSettings(projectId, settings)
                .chain(() -> analyses.settingsWithModels(projectId))
                .map(Settings::of);
    }

    private static AnalysisSettings settings(NewSettings change) {
        AnalysisSettings defaults = AnalysisSettings.DEFAULTS;
        return new AnalysisSettings(
                change.providersEnabled() == null ? defaults.providersEnabled() : change.providersEnabled(),
                change.maxFramesPerRequest() == null ? defaults.maxFramesPerRequest() : change.maxFramesPerRequest(),
                change.defaultHashtags() == null
                        ? defaults.defaultHashtags()
                        : change.defaultHashtags().stream()
                                .map(AnalysisSettingsResource::hashtag)
                                .toList(),
                change.weights() == null ? defaults.weights() : weights(change.weights()));
    }

    /** A hashtag as given, without its {@code #}: letters, digits and underscores only. */
    private static String hashtag(String given) {
        String tag = given.strip().replaceFirst("^#", "");
        if (!tag.matches("[\\p{L}\\p{N}_]+")) {
            throw new DomainError.Invalid(
                    "invalid_hashtag",
                    "'" + given + "' is not a hashtag: letters, digits and underscores only, without spaces");
        }
        return tag;
    }

    private static ScoreWeights weights(Map<String, Double> given) {
        given.forEach((feature, weight) -> {
            if (weight < 0 || weight > MAX_WEIGHT || weight.isNaN()) {
                throw new DomainError.Invalid(
                        "invalid_weights",
                        "the weight of " + feature + " is " + weight + "; each weight is between 0 and " + MAX_WEIGHT);
            }
        });
        ScoreWeights weights;
        try {
            weights = ScoreWeights.of(given);
        } catch (IllegalArgumentException unknown) {
            throw new DomainError.Invalid("invalid_weights", unknown.getMessage());
        }
        if (weights.byFeature().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum()
                <= 0) {
            throw new DomainError.Invalid("invalid_weights", "the weights are all zero: no clip could score anything");
        }
        return weights;
    }
}
