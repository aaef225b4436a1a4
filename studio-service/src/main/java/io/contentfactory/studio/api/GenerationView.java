package io.contentfactory.studio.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.studio.domain.Generation;
import io.contentfactory.studio.domain.GenerationShot;
import io.contentfactory.studio.domain.ShotStatus;
import io.contentfactory.studio.service.GenerationService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A generation as the API shows it: where it stands, each shot with its model and why, its money and its result. */
@Schema(name = "Generation")
public record GenerationView(
        UUID id,

        @Schema(enumeration = {"queued", "generating", "assembling", "completed", "failed", "cancelled"})
        String status,

        Source source,

        @Schema(enumeration = {"reel", "feed_image", "carousel"})
        String format,

        List<String> platforms,
        String aspectRatio,
        BigDecimal lengthSeconds,
        String style,
        boolean autoPost,
        Money cost,
        Progress progress,
        List<ShotView> shots,

        @Schema(description = "The media item ingest-service made of the result; null until completed")
        UUID mediaId,

        @Schema(description = "Every media item made of the result: the one item, or a carousel's stills in order")
        List<UUID> mediaIds,

        @Schema(description = "{code, message, stage, retryable, details} when it failed; null otherwise")
        JsonNode error,

        Instant createdAt,
        Instant updatedAt) {

    /** @param type {@code prompt}, {@code brief} or {@code plan} */
    public record Source(String type, UUID id, String prompt) {}

    /**
     * @param estimatedUsd what the chosen models cost, as the catalog prices them, checked against the budget
     * @param actualUsd    what the providers charged so far
     * @param capUsd       this generation's own cap; null for none
     */
    public record Money(BigDecimal estimatedUsd, BigDecimal actualUsd, BigDecimal capUsd) {}

    public record Progress(int shots, int succeeded, int failed) {}

    @Schema(name = "GenerationShot")
    public record ShotView(
            int index,
            BigDecimal seconds,
            @Schema(enumeration = {"image", "video"}) String medium,
            String visualDirection,
            String onScreenText,
            String prompt,
            Model model,

            @Schema(description = "Why this model: fit, budget, then quality")
            String choiceReason,

            @Schema(enumeration = {"pending", "submitted", "succeeded", "failed", "cancelled"})
            String status,

            int attempts,
            List<String> triedModels,
            String providerRequestId,
            BigDecimal estimatedUsd,
            BigDecimal costUsd,
            Long seed,
            JsonNode error) {}

    public record Model(String id, String provider) {}

    static GenerationView of(GenerationService.GenerationWithShots found) {
        Generation g = found.generation();
        List<GenerationShot> shots = found.shots();
        return new GenerationView(
                g.id,
                g.status.wire(),
                new Source(g.sourceType, g.sourceId, g.prompt),
                g.format.wire(),
                g.platformList(),
                g.aspectRatio,
                g.lengthSeconds.stripTrailingZeros(),
                g.style,
                g.autoPost,
                new Money(g.estimatedCost, g.actualCost, g.budgetCap),
                new Progress(
                        shots.size(),
                        (int) shots.stream()
                                .filter(s -> s.status == ShotStatus.SUCCEEDED)
                                .count(),
                        (int) shots.stream()
                                .filter(s -> s.status == ShotStatus.FAILED)
                                .count()),
                shots.stream().map(GenerationView::shot).toList(),
                g.mediaId,
                g.mediaIdList(),
                ApiValues.storedJson(g.errorJson),
                g.createdAt,
                g.updatedAt);
    }

    private static ShotView shot(GenerationShot s) {
        return new ShotView(
                s.index,
                s.seconds.stripTrailingZeros(),
                s.medium,
                s.visualDirection,
                s.onScreenText,
                s.prompt,
                s.modelId == null ? null : new Model(s.modelId, s.provider),
                s.choiceReason,
                s.status.wire(),
                s.attempts,
                s.tried(),
                s.providerRequestId,
                s.estimatedCost,
                s.cost,
                s.seed,
                ApiValues.storedJson(s.errorJson));
    }
}
