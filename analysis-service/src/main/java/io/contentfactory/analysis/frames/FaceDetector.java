package io.contentfactory.analysis.frames;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Frontal faces with OpenCV's Haar cascade ({@code haarcascade_frontalface_alt2}, shipped in the OpenCV jar): how many,
 * how large (share of the picture's height), and how central. One classifier per thread (OpenCV's is not shareable).
 */
public final class FaceDetector {

    private static final String CASCADE = "/org/bytedeco/opencv/" + Loader.getPlatform()
            + "/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";
    private static final ThreadLocal<CascadeClassifier> CLASSIFIER = ThreadLocal.withInitial(FaceDetector::load);

    /** One face: its size as a share of the picture's height, and its centre's distance from the picture's centre (0 to 1). */
    public record Face(double size, double offCentre) {}

    private FaceDetector() {}

    public static List<Face> detect(BufferedImage picture) {
        try (Java2DFrameConverter toFrame = new Java2DFrameConverter();
                OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
                Mat gray = new Mat();
                RectVector found = new RectVector()) {
            Mat colour = toMat.convert(toFrame.convert(picture));
            opencv_imgproc.cvtColor(
                    colour,
                    gray,
                    colour.channels() == 4 ? opencv_imgproc.COLOR_BGRA2GRAY : opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.equalizeHist(gray, gray);
            int minimum = Math.max(20, Math.min(picture.getWidth(), picture.getHeight()) / 12);
            CLASSIFIER.get().detectMultiScale(gray, found, 1.1, 3, 0, new Size(minimum, minimum), new Size());
            List<Face> faces = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                Rect face = found.get(i);
                double centreX = (face.x() + face.width() / 2.0) / picture.getWidth() - 0.5;
                double centreY = (face.y() + face.height() / 2.0) / picture.getHeight() - 0.5;
                faces.add(new Face(
                        face.height() / (double) picture.getHeight(),
                        Math.min(1, Math.sqrt(centreX * centreX + centreY * centreY) / Math.sqrt(0.5))));
            }
            return faces;
        }
    }

    private static CascadeClassifier load() {
        try {
            File file = Loader.cacheResource(FaceDetector.class, CASCADE);
            CascadeClassifier classifier = new CascadeClassifier(file.getAbsolutePath());
            if (classifier.empty()) {
                throw new IllegalStateException("the face cascade " + CASCADE + " did not load");
            }
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
