package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.Platform;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Composes the caption sent to a platform from its parts: the body, an optional disclosure, then hashtags
 * normalised (one {@code #}, no spaces, deduplicated case-insensitively). A caption over the platform's limits is
 * refused, never cut: what is published is exactly what the author wrote.
 */
public final class CaptionComposer {

    private CaptionComposer() {}

    /** The exact caption to send; a non-retryable {@link PublishFailure} at {@code asset_preflight} if it does not fit. */
    public static String compose(CaptionParts parts, Platform platform) {
        Limits limits = Limits.of(platform);
        Set<String> tags = normalise(parts);
        if (tags.size() > limits.maxHashtags()) {
            throw new PublishFailure(
                    "too_many_hashtags",
                    platform.name().toLowerCase(Locale.ROOT) + " takes at most " + limits.maxHashtags()
                            + " hashtags; this caption has " + tags.size(),
                    "asset_preflight",
                    false,
                    Map.of("hashtags", tags.size(), "max_hashtags", limits.maxHashtags()));
        }
        StringBuilder caption =
                new StringBuilder(parts.body() == null ? "" : parts.body().strip());
        if (parts.disclosure() != null && !parts.disclosure().isBlank()) {
            appendBlock(caption, parts.disclosure().strip());
        }
        if (!tags.isEmpty()) {
            appendBlock(caption, String.join(" ", tags));
        }
        int length = caption.codePointCount(0, caption.length());
        if (length > limits.maxLength()) {
            throw new PublishFailure(
                    "caption_too_long",
                    platform.name().toLowerCase(Locale.ROOT) + " takes captions of at most " + limits.maxLength()
                            + " characters; this one has " + length,
                    "asset_preflight",
                    false,
                    Map.of("length", length, "max_length", limits.maxLength()));
        }
        return caption.toString();
    }

    private static Set<String> normalise(CaptionParts parts) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : parts.hashtags()) {
            String word = raw.strip().replaceFirst("^#+", "").replaceAll("\\s+", "");
            if (!word.isEmpty() && seen.add(word.toLowerCase(Locale.ROOT))) {
                tags.add("#" + word);
            }
        }
        return tags;
    }

    private static void appendBlock(StringBuilder caption, String block) {
        if (!caption.isEmpty()) {
            caption.append("\n\n");
        }
        caption.append(block);
    }

    /** Instagram: 2,200 characters and 30 hashtags; TikTok: 2,200; YouTube descriptions: 5,000, and 15 hashtags. */
    record Limits(int maxLength, int maxHashtags) {
        static Limits of(Platform platform) {
            return switch (platform) {
                case INSTAGRAM, TIKTOK, BLOTATO -> new Limits(2200, 30);
                case YOUTUBE -> new Limits(5000, 15);
            };
        }
    }
}
