package io.contentfactory.studio.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * One model of the catalog.
 *
 * @param id           the provider's own model id ({@code fal-ai/kling-video/v2.1/master/text-to-video})
 * @param durations    the clip lengths a video model makes, in seconds, ascending; empty for an image model
 * @param aspectRatios the aspect ratios it makes natively ({@code 9:16})
 * @param price        US dollars per image for an image model, per second of clip for a video model
 */
public record GenerationModel(
        String id,
        ModelProvider provider,
        ModelKind kind,
        List<Integer> durations,
        List<String> aspectRatios,
        BigDecimal price,
        QualityTier tier) {

    public GenerationModel {
        durations = durations == null ? List.of() : durations.stream().sorted().toList();
        aspectRatios = aspectRatios == null ? List.of() : List.copyOf(aspectRatios);
        if (kind.makesVideo() && durations.isEmpty()) {
            throw new IllegalArgumentException(id + ": a video model names the durations it makes");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(id + ": a price is not negative");
        }
    }

    /**
     * The clip this model makes for a shot of {@code seconds}: the shortest duration that covers it (the assembly
     * trims the rest). Empty when every duration it makes is shorter.
     */
    public Optional<Integer> clipSeconds(double seconds) {
        return durations.stream().filter(d -> d >= seconds - 1e-9).findFirst();
    }

    public boolean makesAspect(String aspectRatio) {
        return aspectRatios.contains(aspectRatio);
    }

    /** What one shot costs on this model: one image, or every second of the clip it makes (billed whole). */
    public BigDecimal cost(Shot shot) {
        if (!kind.makesVideo()) {
            return price.setScale(4, RoundingMode.HALF_UP);
        }
        int clip = clipSeconds(shot.seconds()).orElseThrow();
        return price.multiply(BigDecimal.valueOf(clip)).setScale(4, RoundingMode.HALF_UP);
    }
}
