package io.contentfactory.analysis.probe;

import io.contentfactory.contracts.events.MediaType;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;

/** Decodes a file's real properties: FFmpeg (through JavaCV) for video, ImageIO for images. Blocking. */
@ApplicationScoped
public class MediaProber {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    public MediaProbe probe(Path file, MediaType type) throws IOException {
        return type == MediaType.IMAGE ? probeImage(file) : probeVideo(file);
    }

    private MediaProbe probeImage(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new CorruptMediaException("the image cannot be decoded");
        }
        return new MediaProbe(null, image.getWidth(), image.getHeight(), null, false);
    }

    private MediaProbe probeVideo(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new CorruptMediaException("the file has no decodable video stream");
            }
            double duration = grabber.getLengthInTime() / 1_000_000.0;
            MediaProbe probe = new MediaProbe(duration, grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getFrameRate(), grabber.hasAudio());
            grabber.stop();
            return probe;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new CorruptMediaException("FFmpeg cannot open the file: " + e.getMessage());
        }
    }
}
