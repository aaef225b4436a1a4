package io.contentfactory.media;

import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/**
 * Probes a file with FFmpeg (through JavaCV): container, codecs, duration, resolution, frame rate and audio. A file
 * passes only if FFmpeg opens it and decodes its first picture, so a truncated or corrupt file is told apart from a
 * good one here, not later in the pipeline. Blocking; run it off the event loop.
 */
public final class MediaProber {

    /** Demuxers FFmpeg picks for a single still picture. */
    private static final Set<String> STILL_FORMATS =
            Set.of("image2", "jpeg_pipe", "png_pipe", "webp_pipe", "gif", "bmp_pipe", "tiff_pipe");

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    private MediaProber() {}

    public static MediaProbe probe(Path file) throws UndecodableMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new UndecodableMediaException("the file has no picture (no video stream)");
            }
            MediaProbe probe = describe(grabber);
            Frame first = grabber.grabImage();
            if (first == null || first.image == null) {
                throw new UndecodableMediaException("no frame of the video stream can be decoded");
            }
            grabber.stop();
            return probe;
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new UndecodableMediaException(reason(e.getMessage()));
        }
    }

    private static MediaProbe describe(FFmpegFrameGrabber grabber) {
        String container = grabber.getFormat();
        boolean still = STILL_FORMATS.contains(container);
        String audioCodec = grabber.hasAudio() ? grabber.getAudioCodecName() : null;
        Double duration = still ? null : grabber.getLengthInTime() / 1_000_000.0;
        Double frameRate = still || grabber.getFrameRate() <= 0 ? null : grabber.getFrameRate();
        return new MediaProbe(
                container,
                grabber.getVideoCodecName(),
                audioCodec,
                duration,
                grabber.getImageWidth(),
                grabber.getImageHeight(),
                frameRate,
                grabber.hasAudio());
    }

    /** A sentence for people, without JavaCV's advice or the file's local path. */
    private static String reason(String message) {
        String text = message == null ? "" : message;
        if (text.contains("avformat_open_input")) {
            return "FFmpeg cannot open the file: its container is unreadable (truncated, corrupt, or not media)";
        }
        if (text.contains("avformat_find_stream_info")) {
            return "FFmpeg cannot open the file: no readable stream in it";
        }
        return "FFmpeg cannot decode the file";
    }
}
