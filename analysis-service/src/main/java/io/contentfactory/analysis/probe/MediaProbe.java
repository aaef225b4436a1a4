package io.contentfactory.analysis.probe;

/**
 * What a media file is, as decoded from its bytes.
 *
 * @param durationSec null for images
 */
public record MediaProbe(Double durationSec, int width, int height, Double frameRate, boolean hasAudio) {

    public String resolution() {
        return width + "x" + height;
    }
}
