package io.contentfactory.studio.api;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.studio.domain.GenerationDraft;
import io.contentfactory.studio.domain.GenerationFormat;
import io.contentfactory.studio.domain.GenerationSource;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/generations}: what to make it from (a creative brief, a derivative plan or a prompt), in which
 * shape, for which platforms, within which budget.
 */
@Schema(name = "NewGeneration")
public record GenerationRequest(
        @Schema(description = "A creative brief to make the post from: its hooks, script outline and directions")
        String briefId,

        @Schema(
                description = "A derivative plan to carry out: its brief's outline (or its instructions), its format,"
                        + " platform and length; the resulting media item completes the plan")
        String planId,

        @Schema(description = "What the post is about, in words: its first sentence opens the post") @Size(max = 4000)
        String prompt,

        @Schema(
                description = "Required unless a plan names it",
                enumeration = {"reel", "feed_image", "carousel"})
        String format,

        @Schema(description = "The platforms the post is for; default: the plan's platform or the brief's priority")
        @Size(max = 4)
        List<@NotBlank String> platforms,

        @Schema(
                description = "Defaults: 9:16 for a reel, 4:5 for a feed image, 1:1 for a carousel",
                enumeration = {"9:16", "4:5", "1:1", "16:9"})
        String aspectRatio,

        @Schema(
                description = "A reel's length in seconds, 5 to 90; default: the plan's estimate, else 15. Ignored for"
                        + " stills")
        Double lengthSeconds,

        @Schema(description = "A visual style for every shot (\"bright, handheld\")") @Size(max = 300)
        String style,

        @Schema(description = "The most this generation may cost, in US dollars; the project's month applies too")
        @DecimalMin("0")
        BigDecimal budgetUsd,

        @Schema(description = "Upsert a post with the generated caption and hashtags once the media is in")
        Boolean autoPost) {

    /** Exactly one of briefId, planId and prompt; 400 otherwise. */
    GenerationSource source() {
        boolean hasPrompt = prompt != null && !prompt.isBlank();
        long given = java.util.stream.Stream.of(briefId, planId)
                        .filter(java.util.Objects::nonNull)
                        .count()
                + (hasPrompt ? 1 : 0);
        if (given != 1) {
            throw new DomainError.Invalid("invalid_source", "give exactly one of briefId, planId and prompt");
        }
        if (briefId != null) {
            return new GenerationSource.FromBrief(id(briefId, "invalid_brief_id"));
        }
        if (planId != null) {
            return new GenerationSource.FromPlan(id(planId, "invalid_plan_id"));
        }
        return new GenerationSource.FreePrompt(prompt.strip());
    }

    /** Every other value checked: 400 with a code naming the field otherwise. */
    GenerationDraft draft() {
        GenerationFormat postFormat =
                format == null ? null : ApiValues.enumValue(GenerationFormat.class, format, "invalid_format");
        List<String> platformNames = platforms == null
                ? List.of()
                : platforms.stream()
                        .map(p -> ApiValues.enumValue(Platform.class, p, "invalid_platform")
                                .name()
                                .toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        return new GenerationDraft(
                postFormat,
                platformNames,
                aspectRatio == null ? null : aspectRatio.strip(),
                lengthSeconds,
                style == null || style.isBlank() ? null : style.strip(),
                budgetUsd,
                Boolean.TRUE.equals(autoPost));
    }

    private static java.util.UUID id(String value, String code) {
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid(code, "'" + value + "' is not a UUID");
        }
    }
}
