package io.contentfactory.ingest.api;

import io.contentfactory.kit.domain.DomainError;
import java.util.Set;

/** The seed's platform hints a sender may give. */
final class PlatformHints {

    static final Set<String> KNOWN = Set.of("instagram", "tiktok", "yt_shorts", "youtube", "multi");

    private PlatformHints() {}

    static String checked(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        if (!KNOWN.contains(hint)) {
            throw new DomainError.Invalid("invalid_platform_hint", "platformHint is one of " + KNOWN);
        }
        return hint;
    }
}
