package io.contentfactory.analysis.frames;

import io.contentfactory.media.UndecodableMediaException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Samples a video's frames by seeking (never decoding the whole stream into pictures): one every {@code interval}
 * seconds, at most {@code maxFrames}, and, where two neighbouring samples differ like two different shots, one more at
 * the cut itself, found by halving the gap between them. A still image is its one sample. Blocking.
 */
public final class FrameSampler {

    /** Two samples this different (earth mover's distance of luma histograms) are taken to be different shots. */
    static final double CUT_DISTANCE = 0.08;

    private static final double CUT_PRECISION_SEC = 0.25;

    public record Sample(
            int index,
            double timeSec,
            Pixels pixels,
            FrameStats stats,
            boolean atCut,
            List<FaceDetector.Face> faces,
            List<TextDetector.TextLine> text) {

        /** The most prominent face, 0 to 1: its size, less for being off centre; 0 without a face. */
        public double faceProminence() {
            return faces.stream()
                    .mapToDouble(face -> Math.min(1, face.size() * 3) * (1 - 0.5 * face.offCentre()))
                    .max()
                    .orElse(0);
        }

        /** How much of the picture on-screen text takes up, 0 to 1. */
        public double textCoverage() {
            return Math.min(
                    1,
                    text.stream()
                            .mapToDouble(line -> line.width() * line.height())
                            .sum());
        }
    }

    /**
     * @param cuts the shot changes found between samples (a lower bound when shots are shorter than the interval)
     */
    public record Sampling(List<Sample> samples, int cuts, double durationSec) {}

    private FrameSampler() {}

    /**
     * @param width  the picture's width; FFmpeg scales every sample down to {@link Pixels#WIDTH} itself, so that no
     *               full-size picture is ever copied into Java
     */
    public static Sampling sample(Path file, int width, int height, double intervalSec, int maxFrames)
            throws UndecodableMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            if (width > Pixels.WIDTH) {
                grabber.setImageWidth(Pixels.WIDTH);
                grabber.setImageHeight(Math.max(2, (int) Math.round(height * Pixels.WIDTH / (double) width)));
            }
            grabber.setVideoOption("threads", "auto");
            Pictures.askForBgr(grabber);
            grabber.start();
            double duration = Math.max(0, grabber.getLengthInTime() / 1_000_000.0);
            double interval = Math.max(intervalSec, duration / Math.max(1, maxFrames));
            List<double[]> taken = new ArrayList<>();
            List<Pixels> pictures = new ArrayList<>();
            List<Seen> seen = new ArrayList<>();
            List<Boolean> atCut = new ArrayList<>();
            int cuts = 0;
            Pixels previous = null;
            double previousTime = 0;
            for (double target = 0; target < Math.max(duration, 0.001); target += interval) {
                Timed timed = pixelsAt(grabber, target);
                if (timed == null) {
                    break;
                }
                Pixels current = timed.pixels();
                double time = timed.timeSec();
                if (previous != null && current.histogramDistance(previous) > CUT_DISTANCE) {
                    cuts++;
                    double cutTime = locateCut(grabber, previousTime, time, previous);
                    Timed cut = cutTime < time ? pixelsAt(grabber, cutTime) : null;
                    if (cut != null && cut.timeSec() < time && pictures.size() < maxFrames * 2) {
                        taken.add(new double[] {cut.timeSec()});
                        pictures.add(cut.pixels());
                        seen.add(cut.seen());
                        atCut.add(true);
                    }
                }
                taken.add(new double[] {time});
                pictures.add(current);
                seen.add(timed.seen());
                atCut.add(false);
                previous = current;
                previousTime = time;
            }
            grabber.stop();
            if (pictures.isEmpty()) {
                throw new UndecodableMediaException("no frame of the video stream can be decoded");
            }
            return new Sampling(measured(taken, pictures, seen, atCut), cuts, duration);
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableMediaException("FFmpeg cannot decode the file's frames");
        }
    }

    /** The picture at {@code timeSec}, full size, for the thumbnail. */
    public static BufferedImage pictureAt(Path file, double timeSec) throws UndecodableMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            Pictures.askForBgr(grabber);
            grabber.start();
            if (timeSec > 0) {
                grabber.setTimestamp((long) (timeSec * 1_000_000));
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new UndecodableMediaException("no frame at " + timeSec + " s");
            }
            BufferedImage copy = Pictures.of(frame);
            grabber.stop();
            return copy;
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableMediaException("FFmpeg cannot decode the file's frames");
        }
    }

    private static List<Sample> measured(
            List<double[]> times, List<Pixels> pictures, List<Seen> seen, List<Boolean> atCut) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(times.get(a)[0], times.get(b)[0]));
        List<Sample> samples = new ArrayList<>();
        Pixels before = null;
        for (int position = 0; position < order.size(); position++) {
            int i = order.get(position);
            Pixels pixels = pictures.get(i);
            samples.add(new Sample(
                    position,
                    times.get(i)[0],
                    pixels,
                    pixels.measure(before),
                    atCut.get(i),
                    seen.get(i).faces(),
                    seen.get(i).text()));
            before = pixels;
        }
        return samples;
    }

    /** Halves [from, to] while the picture at its start still matches {@code first}: the cut lies at its end. */
    private static double locateCut(FFmpegFrameGrabber grabber, double from, double to, Pixels first)
            throws FrameGrabber.Exception {
        double low = from;
        double high = to;
        while (high - low > CUT_PRECISION_SEC) {
            double middle = (low + high) / 2;
            Timed picture = pixelsAt(grabber, middle);
            if (picture == null) {
                break;
            }
            if (picture.pixels().histogramDistance(first) > CUT_DISTANCE) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** What a picture shows: its faces and its lines of text. */
    private record Seen(List<FaceDetector.Face> faces, List<TextDetector.TextLine> text) {

        static Seen in(BufferedImage picture) {
            return new Seen(FaceDetector.detect(picture), TextDetector.detect(picture));
        }
    }

    /**
     * A decoded picture and the time it is shown at (the seek lands on a frame near the time asked for). What it shows
     * is looked for only in the pictures kept as samples, not in those decoded to locate a cut.
     */
    private record Timed(Pixels pixels, double timeSec, BufferedImage picture) {

        Seen seen() {
            return Seen.in(picture);
        }
    }

    private static Timed pixelsAt(FFmpegFrameGrabber grabber, double timeSec) throws FrameGrabber.Exception {
        // The first sample is the first frame as decoded: seeking a still image's pipe yields a malformed frame.
        if (timeSec > 0) {
            grabber.setTimestamp((long) (timeSec * 1_000_000));
        }
        Frame frame = grabber.grabImage();
        if (frame == null || frame.image == null) {
            return null;
        }
        BufferedImage picture = Pictures.of(frame);
        return new Timed(Pixels.of(picture), Math.max(0, frame.timestamp / 1_000_000.0), picture);
    }
}
