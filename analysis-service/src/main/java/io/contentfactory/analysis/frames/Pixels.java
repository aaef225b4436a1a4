package io.contentfactory.analysis.frames;

import java.awt.image.BufferedImage;

/**
 * A frame reduced for measuring: RGB planes at a small fixed width, enough for blur, exposure, colour and motion, and
 * cheap to compute on. Values are 0 to 255.
 */
public final class Pixels {

    static final int WIDTH = 320;

    final int width;
    final int height;
    final float[] red;
    final float[] green;
    final float[] blue;
    final float[] luma;

    private Pixels(int width, int height) {
        this.width = width;
        this.height = height;
        int size = width * height;
        this.red = new float[size];
        this.green = new float[size];
        this.blue = new float[size];
        this.luma = new float[size];
    }

    public static Pixels of(BufferedImage image) {
        int width = Math.min(WIDTH, image.getWidth());
        int height = Math.max(1, (int) Math.round(image.getHeight() * (width / (double) image.getWidth())));
        Pixels pixels = new Pixels(width, height);
        double stepX = image.getWidth() / (double) width;
        double stepY = image.getHeight() / (double) height;
        for (int y = 0; y < height; y++) {
            int sourceY = Math.min(image.getHeight() - 1, (int) (y * stepY));
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(Math.min(image.getWidth() - 1, (int) (x * stepX)), sourceY);
                int i = y * width + x;
                pixels.red[i] = (rgb >> 16) & 0xFF;
                pixels.green[i] = (rgb >> 8) & 0xFF;
                pixels.blue[i] = rgb & 0xFF;
                pixels.luma[i] = 0.299f * pixels.red[i] + 0.587f * pixels.green[i] + 0.114f * pixels.blue[i];
            }
        }
        return pixels;
    }

    /** The measures of this frame; {@code previous} is the sample before it (for motion), or null. */
    public FrameStats measure(Pixels previous) {
        return new FrameStats(
                laplacianVariance(), mean(luma), clipped(), std(luma), colourfulness(), motionFrom(previous));
    }

    private double laplacianVariance() {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                double laplacian = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
                sum += laplacian;
                sumSquares += laplacian * laplacian;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        return sumSquares / count - mean * mean;
    }

    private double clipped() {
        int clipped = 0;
        for (float value : luma) {
            if (value < 8 || value > 247) {
                clipped++;
            }
        }
        return clipped / (double) luma.length;
    }

    private double colourfulness() {
        int size = red.length;
        float[] rg = new float[size];
        float[] yb = new float[size];
        for (int i = 0; i < size; i++) {
            rg[i] = red[i] - green[i];
            yb[i] = 0.5f * (red[i] + green[i]) - blue[i];
        }
        double spread = Math.sqrt(Math.pow(std(rg), 2) + Math.pow(std(yb), 2));
        double offset = Math.sqrt(Math.pow(mean(rg), 2) + Math.pow(mean(yb), 2));
        return spread + 0.3 * offset;
    }

    private double motionFrom(Pixels previous) {
        if (previous == null || previous.width != width || previous.height != height) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < luma.length; i++) {
            sum += Math.abs(luma[i] - previous.luma[i]);
        }
        return sum / luma.length;
    }

    /**
     * How different the picture is from {@code other}, 0 (same) to 1: the earth mover's distance between their luma
     * histograms, so that a slight change of light moves it a little and a different shot moves it a lot.
     */
    public double histogramDistance(Pixels other) {
        double[] mine = histogram(luma);
        double[] theirs = histogram(other.luma);
        double distance = 0;
        double carried = 0;
        for (int bin = 0; bin < mine.length; bin++) {
            carried += mine[bin] - theirs[bin];
            distance += Math.abs(carried);
        }
        return distance / (mine.length - 1);
    }

    private static double[] histogram(float[] values) {
        double[] bins = new double[64];
        for (float value : values) {
            bins[Math.min(63, (int) (value / 4))]++;
        }
        for (int bin = 0; bin < bins.length; bin++) {
            bins[bin] /= values.length;
        }
        return bins;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double std(float[] values) {
        double mean = mean(values);
        double sum = 0;
        for (float value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
