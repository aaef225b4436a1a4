package io.contentfactory.media;

/**
 * What a media file is, as FFmpeg decodes it from its bytes.
 *
 * @param container  FFmpeg's demuxer name, for example {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code png_pipe}
 * @param videoCodec the codec of the picture (for a still image, its image codec, such as {@code mjpeg} or {@code png})
 * @param audioCodec null without an audio stream
 * @param durationSec null for a still image
 * @param frameRate null for a still image
 */
public record MediaProbe(
        String container,
        String videoCodec,
        String audioCodec,
        Double durationSec,
        int width,
        int height,
        Double frameRate,
        boolean hasAudio) {

    public boolean isStill() {
        return durationSec == null;
    }

    public String resolution() {
        return width + "x" + height;
    }
}
