package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.AnalysisFeatures;
import java.util.UUID;

/**
 * A media item as {@code media.analyzed} last described it.
 *
 * @param durationSec null for an image
 * @param features    null when the analyzer did not send them
 */
public record MediaProfile(
        UUID mediaId, String mediaType, Double durationSec, double preSocialScore, AnalysisFeatures features) {

    public boolean video() {
        return "video".equalsIgnoreCase(mediaType);
    }
}
