package io.contentfactory.analysis.frames;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Lines of on-screen text (titles, burned-in captions), found without a trained model: strong edges are joined
 * sideways into line-shaped regions, and a region counts as text only when it is shaped like a line of letters and
 * crossed by many strokes, as letters are. It finds text, not what it says.
 */
public final class TextDetector {

    /** An edge this strong (morphological gradient of the luma, 0 to 255) can be a letter's stroke. */
    static final double EDGE = 60;
    /** A line at least this many times as wide as it is tall; a word of three letters already is. */
    static final double MIN_LINE_ASPECT = 2.0;
    /** Strokes crossed along a line's middle, per line height of its width: letters are about half as wide as tall. */
    static final double MIN_STROKES_PER_HEIGHT = 0.9;

    /** One line: where it is and how large, as shares of the picture's width and height. */
    public record TextLine(double x, double y, double width, double height) {}

    private TextDetector() {}

    public static List<TextLine> detect(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        try (Java2DFrameConverter toFrame = new Java2DFrameConverter();
                OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
                Mat gray = new Mat();
                Mat edges = new Mat();
                Mat strokes = new Mat();
                Mat joined = new Mat();
                Mat round = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
                Mat sideways = opencv_imgproc.getStructuringElement(
                        opencv_imgproc.MORPH_RECT, new Size(Math.max(5, width / 32), 1));
                MatVector regions = new MatVector();
                Mat hierarchy = new Mat()) {
            Mat colour = toMat.convert(toFrame.convert(picture));
            opencv_imgproc.cvtColor(
                    colour,
                    gray,
                    colour.channels() == 4 ? opencv_imgproc.COLOR_BGRA2GRAY : opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.morphologyEx(gray, edges, opencv_imgproc.MORPH_GRADIENT, round);
            opencv_imgproc.threshold(edges, strokes, EDGE, 255, opencv_imgproc.THRESH_BINARY);
            opencv_imgproc.morphologyEx(strokes, joined, opencv_imgproc.MORPH_CLOSE, sideways);
            opencv_imgproc.findContours(
                    joined, regions, hierarchy, opencv_imgproc.RETR_EXTERNAL, opencv_imgproc.CHAIN_APPROX_SIMPLE);
            List<TextLine> lines = new ArrayList<>();
            for (long i = 0; i < regions.size(); i++) {
                Rect box = opencv_imgproc.boundingRect(regions.get(i));
                if (lineShaped(box, width, height) && lettered(strokes, box)) {
                    lines.add(new TextLine(
                            box.x() / (double) width,
                            box.y() / (double) height,
                            box.width() / (double) width,
                            box.height() / (double) height));
                }
                box.close();
            }
            return lines;
        }
    }

    /** As tall as legible text can be on a phone (1.5 % to 20 % of the picture), and much wider than tall. */
    private static boolean lineShaped(Rect box, int width, int height) {
        return box.height() >= Math.max(6, 0.015 * height)
                && box.height() <= 0.2 * height
                && box.width() >= MIN_LINE_ASPECT * box.height()
                && box.width() >= 0.06 * width;
    }

    /**
     * Letters' strokes: many separate edges along the line's middle rows (a bar or a band of colour has two), and
     * edges that cover part of the region but not all of it (a texture of fine detail covers it all).
     */
    private static boolean lettered(Mat strokes, Rect box) {
        try (Mat region = new Mat(strokes, box)) {
            double fill = opencv_core.countNonZero(region) / (double) (box.width() * box.height());
            if (fill < 0.15 || fill > 0.8) {
                return false;
            }
            int crossings = 0;
            for (double row : new double[] {0.35, 0.5, 0.65}) {
                crossings = Math.max(crossings, crossings(region, (int) (box.height() * row)));
            }
            return crossings >= Math.max(4, MIN_STROKES_PER_HEIGHT * box.width() / box.height());
        }
    }

    private static int crossings(Mat region, int row) {
        byte[] pixels = new byte[region.cols()];
        try (Mat line = region.row(row).clone()) {
            line.data().get(pixels);
        }
        int count = 0;
        boolean inside = false;
        for (byte pixel : pixels) {
            boolean on = pixel != 0;
            if (on && !inside) {
                count++;
            }
            inside = on;
        }
        return count;
    }
}
