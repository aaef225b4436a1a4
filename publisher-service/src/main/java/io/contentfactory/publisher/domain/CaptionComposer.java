package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.Platform;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Composes the caption sent to a platform from its parts: the body, an optional disclosure, then hashtags
 * normalised (one {@code #}, no spaces, deduplicated case-insensitively) within the platform's limits.
 */
public final class CaptionComposer {

    private CaptionComposer() {
    }

    public static String compose(CaptionParts parts, Platform platform) {
        Limits limits = Limits.of(platform);
        StringBuilder caption = new StringBuilder(parts.body().strip());
        if (parts.disclosure() != null && !parts.disclosure().isBlank()) {
            appendBlock(caption, parts.disclosure().strip());
        }
        String tags = String.join(" ", normalise(parts, limits));
        if (!tags.isEmpty() && caption.length() + 2 + tags.length() <= limits.maxLength()) {
            appendBlock(caption, tags);
        }
        return caption.length() <= limits.maxLength() ? caption.toString() : caption.substring(0, limits.maxLength());
    }

    private static Set<String> normalise(CaptionParts parts, Limits limits) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : parts.hashtags()) {
            String word = raw.strip().replaceFirst("^#+", "").replaceAll("\\s+", "");
            if (!word.isEmpty() && seen.add(word.toLowerCase(Locale.ROOT)) && tags.size() < limits.maxHashtags()) {
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

    record Limits(int maxLength, int maxHashtags) {
        static Limits of(Platform platform) {
            return switch (platform) {
                case INSTAGRAM -> new Limits(2200, 30);
                case TIKTOK -> new Limits(2200, 30);
                case YOUTUBE -> new Limits(5000, 15);
                case BLOTATO -> new Limits(2200, 30);
            };
        }
    }
}
