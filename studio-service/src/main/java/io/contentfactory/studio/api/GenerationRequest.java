package io.contentfactory.studio.api;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.studio.domain.Direction;
import io.contentfactory.studio.domain.GenerationFormat;
import io.contentfactory.studio.domain.GenerationOrder;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/generations}: what to make, in which shape, for which platforms, within which budget. */
@Schema(name = "NewGeneration")
public record GenerationRequest(
        @Schema(description = "What the post is about, in words: its first sentence opens the post", required = true)
        @NotBlank
        @Size(max = 4000)
        String prompt,

        @Schema(
                enumeration = {"reel", "feed_image", "carousel"},
                required = true)
        @NotBlank
        String format,

        @Schema(description = "The platforms the post is for", required = true) @NotEmpty @Size(max = 4)
        List<@NotBlank String> platforms,

        @Schema(
                description = "Defaults: 9:16 for a reel, 4:5 for a feed image, 1:1 for a carousel",
                enumeration = {"9:16", "4:5", "1:1", "16:9"})
        String aspectRatio,

        @Schema(description = "A reel's length in seconds, 5 to 90; default 15. Ignored for stills")
        Double lengthSeconds,

        @Schema(description = "A visual style for every shot (\"bright, handheld\")") @Size(max = 300)
        String style,

        @Schema(description = "The most this generation may cost, in US dollars; the project's month applies too")
        @DecimalMin("0")
        BigDecimal budgetUsd,

        @Schema(description = "Upsert a post with the generated caption and hashtags once the media is in")
        Boolean autoPost) {

    static final List<String> ASPECT_RATIOS = List.of("9:16", "4:5", "1:1", "16:9");
    private static final Map<GenerationFormat, String> DEFAULT_ASPECT =
            Map.of(GenerationFormat.REEL, "9:16", GenerationFormat.FEED_IMAGE, "4:5", GenerationFormat.CAROUSEL, "1:1");
    private static final double DEFAULT_SECONDS = 15;

    /** The order, each value checked: 400 with a code naming the field otherwise. */
    GenerationOrder order() {
        GenerationFormat postFormat = ApiValues.enumValue(GenerationFormat.class, format, "invalid_format");
        List<String> platformNames = platforms.stream()
                .map(p -> ApiValues.enumValue(Platform.class, p, "invalid_platform")
                        .name()
                        .toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        String aspect = aspectRatio == null ? DEFAULT_ASPECT.get(postFormat) : aspectRatio.strip();
        if (!ASPECT_RATIOS.contains(aspect)) {
            throw new DomainError.Invalid(
                    "invalid_aspect_ratio", "'" + aspectRatio + "' is not one of " + ASPECT_RATIOS);
        }
        double seconds =
                postFormat == GenerationFormat.REEL ? (lengthSeconds == null ? DEFAULT_SECONDS : lengthSeconds) : 0;
        if (postFormat == GenerationFormat.REEL && (!(seconds >= 5) || seconds > 90)) {
            throw new DomainError.Invalid("invalid_length", "a reel lasts 5 to 90 seconds");
        }
        return new GenerationOrder(
                "prompt",
                null,
                prompt.strip(),
                Direction.ofPrompt(prompt),
                postFormat,
                platformNames,
                aspect,
                seconds,
                style == null || style.isBlank() ? null : style.strip(),
                budgetUsd,
                Boolean.TRUE.equals(autoPost));
    }
}
