package io.contentfactory.analysis.frames;

/**
 * What one sampled frame looks like, each measure from its pixels alone.
 *
 * @param sharpness     variance of the Laplacian of the luma (blur drives it towards 0)
 * @param brightness    mean luma, 0 to 255
 * @param clipped       share of pixels crushed to black or blown to white, 0 to 1
 * @param contrast      standard deviation of the luma
 * @param colourfulness Hasler and Süsstrunk's colourfulness metric
 * @param motion        mean absolute luma change from the previous sample, 0 to 255 (0 for the first)
 */
public record FrameStats(
        double sharpness, double brightness, double clipped, double contrast, double colourfulness, double motion) {

    /** How well exposed, 0 to 1: mid-grey mean and nothing clipped is best. */
    public double exposure() {
        double centred = 1 - Math.abs(brightness - 128) / 128;
        return Math.max(0, centred * (1 - clipped));
    }
}
