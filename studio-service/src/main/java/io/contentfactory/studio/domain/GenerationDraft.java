package io.contentfactory.studio.domain;

import io.contentfactory.kit.domain.DomainError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A caller's order before its source is read: every value it gave, checked; a format, platforms or length it left
 * out come from the source (a plan's), else from the defaults.
 *
 * @param format      null: the source's
 * @param platforms   empty: the source's
 * @param aspectRatio null: the format's default
 * @param seconds     null: the source's, else 15 (reels only)
 */
public record GenerationDraft(
        GenerationFormat format,
        List<String> platforms,
        String aspectRatio,
        Double seconds,
        String style,
        BigDecimal cap,
        boolean autoPost) {

    public static final List<String> ASPECT_RATIOS = List.of("9:16", "4:5", "1:1", "16:9");
    private static final Map<GenerationFormat, String> DEFAULT_ASPECT =
            Map.of(GenerationFormat.REEL, "9:16", GenerationFormat.FEED_IMAGE, "4:5", GenerationFormat.CAROUSEL, "1:1");
    private static final double DEFAULT_SECONDS = 15;
    private static final double SHORTEST = 5;
    private static final double LONGEST = 90;

    public GenerationDraft {
        platforms = List.copyOf(platforms);
        if (aspectRatio != null && !ASPECT_RATIOS.contains(aspectRatio)) {
            throw new DomainError.Invalid(
                    "invalid_aspect_ratio", "'" + aspectRatio + "' is not one of " + ASPECT_RATIOS);
        }
    }

    /** The order, what the caller left out taken from the source; 400 when neither names a format or platforms. */
    public GenerationOrder order(SourceMaterial source) {
        GenerationFormat postFormat = format != null ? format : source.format();
        if (postFormat == null) {
            throw new DomainError.Invalid(
                    "format_required", "give the format (reel, feed_image or carousel): the source names none");
        }
        List<String> postPlatforms = !platforms.isEmpty() ? platforms : source.platforms();
        if (postPlatforms.isEmpty()) {
            throw new DomainError.Invalid("platforms_required", "give the platforms: the source names none");
        }
        return new GenerationOrder(
                source.sourceType(),
                source.sourceId(),
                source.prompt(),
                source.direction(),
                postFormat,
                postPlatforms,
                aspectRatio == null ? DEFAULT_ASPECT.get(postFormat) : aspectRatio,
                postFormat == GenerationFormat.REEL ? reelSeconds(source) : 0,
                style,
                cap,
                autoPost);
    }

    /** The caller's length, else the source's within what a reel may last, else 15 s. */
    private double reelSeconds(SourceMaterial source) {
        if (seconds != null) {
            if (!(seconds >= SHORTEST) || seconds > LONGEST) {
                throw new DomainError.Invalid("invalid_length", "a reel lasts 5 to 90 seconds");
            }
            return seconds;
        }
        return source.seconds() == null ? DEFAULT_SECONDS : Math.clamp(source.seconds(), SHORTEST, LONGEST);
    }
}
