package io.contentfactory.studio.assembly;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Puts a generation's shots together with FFmpeg (JavaCV): each shot scaled and cropped to the canvas, its on-screen
 * text burnt in, the shots concatenated, the audio normalised to a loudness target ({@code loudnorm}), and the whole
 * encoded H.264 (OpenH264, the encoder the LGPL FFmpeg build carries) and AAC in an MP4 with its index first. A still
 * becomes a JPEG the same way. Blocking: run it on a worker thread.
 */
public final class PostAssembly {

    /** One shot's file and how it is used. */
    public record Piece(Path file, boolean still, double seconds, String onScreenText) {}

    private static final int SAMPLE_RATE = 48_000;
    private static final int CHANNELS = 2;
    private static final int SILENCE_CHUNK = 1024;

    private final int frameRate;
    private final double loudness;

    public PostAssembly(int frameRate, double loudness) {
        this.frameRate = frameRate;
        this.loudness = loudness;
    }

    /** The shots, in order, as one MP4 at {@code out}; every shot lasts exactly its seconds (a short clip holds its last frame). */
    public void video(List<Piece> pieces, Canvas canvas, Path out) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path work = Files.createTempDirectory("assembly-");
        try (FFmpegFrameRecorder recorder = recorder(out, canvas);
                FFmpegFrameFilter audio = loudnessFilter()) {
            recorder.start();
            audio.start();
            Timeline timeline = new Timeline();
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                long frames = Math.round(piece.seconds() * frameRate);
                Path card = card(piece, canvas, work, i);
                long framesBefore = timeline.frames;
                if (piece.still()) {
                    stillShot(piece, canvas, card, frames, recorder, timeline);
                } else {
                    clipShot(piece, canvas, card, frames, recorder, audio, timeline);
                }
                long samplesDue = timeline.frames * SAMPLE_RATE / frameRate;
                silence(audio, recorder, samplesDue - timeline.samples, timeline);
                if (timeline.frames == framesBefore) {
                    throw new IOException(piece.file().getFileName() + " gave no picture");
                }
            }
            audio.push(null);
            drain(audio, recorder);
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception | FFmpegFrameFilter.Exception | FFmpegFrameGrabber.Exception e) {
            throw new IOException("assembly failed: " + e.getMessage(), e);
        } finally {
            deleteAll(work);
        }
    }

    /** One still, its text burnt in, as a JPEG at {@code out}. */
    public void still(Piece piece, Canvas canvas, Path out) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path work = Files.createTempDirectory("assembly-");
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            Frame made = picture(piece, canvas, card(piece, canvas, work, 0), "bgr24");
            ImageIO.write(converter.convert(made), "jpg", out.toFile());
        } catch (FFmpegFrameFilter.Exception | FFmpegFrameGrabber.Exception e) {
            throw new IOException("assembly failed: " + e.getMessage(), e);
        } finally {
            deleteAll(work);
        }
    }

    private FFmpegFrameRecorder recorder(Path out, Canvas canvas) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), canvas.width(), canvas.height(), CHANNELS);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(frameRate);
        recorder.setGopSize(frameRate * 2);
        recorder.setVideoBitrate((int) Math.min(12_000_000L, (long) canvas.width() * canvas.height() * frameRate / 10));
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(SAMPLE_RATE);
        recorder.setAudioBitrate(128_000);
        recorder.setOption("movflags", "+faststart");
        return recorder;
    }

    /** The loudness filter every shot's audio goes through, as one stream: 48 kHz stereo in, the same out. */
    private FFmpegFrameFilter loudnessFilter() {
        FFmpegFrameFilter filter = new FFmpegFrameFilter(
                String.format(
                        Locale.ROOT,
                        "loudnorm=I=%.1f:TP=-1.5:LRA=11,aresample=%d,aformat=sample_fmts=fltp:channel_layouts=stereo",
                        loudness,
                        SAMPLE_RATE),
                CHANNELS);
        filter.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
        filter.setSampleRate(SAMPLE_RATE);
        return filter;
    }

    /** What has gone into the output so far: video frames recorded, audio samples (per channel) sent to loudness. */
    private static final class Timeline {
        long frames;
        long samples;
    }

    private void clipShot(
            Piece piece,
            Canvas canvas,
            Path card,
            long frames,
            FFmpegFrameRecorder recorder,
            FFmpegFrameFilter audio,
            Timeline timeline)
            throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(piece.file().toFile())) {
            grabber.start();
            FFmpegFrameFilter resample = grabber.getAudioChannels() > 0 ? resampler(grabber) : null;
            long samplesWanted = frames * SAMPLE_RATE / frameRate;
            long samplesSent = 0;
            long written = 0;
            Frame last = null;
            try (FFmpegFrameFilter video = videoFilter(grabber, canvas, card, true, "yuv420p")) {
                video.start();
                if (resample != null) {
                    resample.start();
                }
                Frame frame;
                while (written < frames && (frame = grabber.grab()) != null) {
                    if (frame.image != null) {
                        video.push(frame);
                        Frame made;
                        while (written < frames && (made = video.pull()) != null) {
                            recorder.record(made, avutil.AV_PIX_FMT_YUV420P);
                            last = made.clone();
                            written++;
                        }
                    } else if (frame.samples != null && resample != null && samplesSent < samplesWanted) {
                        resample.push(frame);
                        Frame resampled;
                        while ((resampled = resample.pull()) != null) {
                            int count = resampled.samples[0].limit();
                            samplesSent += count;
                            timeline.samples += count;
                            audio.push(resampled);
                            drain(audio, recorder);
                        }
                    }
                }
                while (last != null && written < frames) {
                    recorder.record(last, avutil.AV_PIX_FMT_YUV420P);
                    written++;
                }
            } finally {
                if (resample != null) {
                    resample.close();
                }
            }
            timeline.frames += written;
        }
    }

    private void stillShot(
            Piece piece, Canvas canvas, Path card, long frames, FFmpegFrameRecorder recorder, Timeline timeline)
            throws IOException {
        Frame held = picture(piece, canvas, card, "yuv420p");
        for (long i = 0; i < frames; i++) {
            recorder.record(held, avutil.AV_PIX_FMT_YUV420P);
        }
        timeline.frames += frames;
    }

    /** A still's one picture on the canvas, its card burnt in, in {@code pixelFormat}; a copy the caller may keep. */
    private Frame picture(Piece piece, Canvas canvas, Path card, String pixelFormat) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(piece.file().toFile())) {
            grabber.start();
            Frame picture = grabber.grabImage();
            if (picture == null) {
                throw new IOException(piece.file().getFileName() + " has no picture");
            }
            try (FFmpegFrameFilter filter = videoFilter(grabber, canvas, card, false, pixelFormat)) {
                filter.start();
                filter.push(picture);
                Frame made = filter.pull();
                if (made == null) {
                    throw new IOException(
                            "FFmpeg made no picture of " + piece.file().getFileName());
                }
                return made.clone();
            }
        }
    }

    /** Scale to cover the canvas, crop the overflow, burn in the card (if any) at the lower third. */
    private FFmpegFrameFilter videoFilter(
            FFmpegFrameGrabber grabber, Canvas canvas, Path card, boolean resampleFrames, String pixelFormat) {
        String fit = String.format(
                Locale.ROOT,
                "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1%s",
                canvas.width(),
                canvas.height(),
                canvas.width(),
                canvas.height(),
                resampleFrames ? ",fps=" + frameRate : "");
        String graph = card == null
                ? fit + ",format=" + pixelFormat
                : String.format(
                        Locale.ROOT,
                        "movie=%s[card];[in]%s[base];[base][card]overlay=0:%d:eof_action=repeat,format=%s[out]",
                        card.toString(),
                        fit,
                        (int) (canvas.height() * TextCard.TOP),
                        pixelFormat);
        FFmpegFrameFilter filter = new FFmpegFrameFilter(graph, grabber.getImageWidth(), grabber.getImageHeight());
        filter.setPixelFormat(grabber.getPixelFormat());
        filter.setFrameRate(grabber.getFrameRate() > 0 ? grabber.getFrameRate() : frameRate);
        return filter;
    }

    private static FFmpegFrameFilter resampler(FFmpegFrameGrabber grabber) {
        FFmpegFrameFilter filter = new FFmpegFrameFilter(
                "aresample=" + SAMPLE_RATE + ",aformat=sample_fmts=fltp:channel_layouts=stereo",
                grabber.getAudioChannels());
        filter.setSampleFormat(grabber.getSampleFormat());
        filter.setSampleRate(grabber.getSampleRate());
        return filter;
    }

    private static Path card(Piece piece, Canvas canvas, Path work, int index) throws IOException {
        if (piece.onScreenText() == null || piece.onScreenText().isBlank()) {
            return null;
        }
        Path card = work.resolve("card-" + index + ".png");
        TextCard.write(piece.onScreenText(), canvas, card);
        return card;
    }

    /** Silence into the loudness filter, planar stereo, to keep the audio as long as the pictures. */
    private static void silence(FFmpegFrameFilter audio, FFmpegFrameRecorder recorder, long samples, Timeline timeline)
            throws FFmpegFrameFilter.Exception, FFmpegFrameRecorder.Exception {
        long left = samples;
        while (left > 0) {
            int chunk = (int) Math.min(SILENCE_CHUNK, left);
            Frame quiet = new Frame();
            quiet.sampleRate = SAMPLE_RATE;
            quiet.audioChannels = CHANNELS;
            quiet.samples = new Buffer[] {FloatBuffer.allocate(chunk), FloatBuffer.allocate(chunk)};
            audio.push(quiet);
            drain(audio, recorder);
            timeline.samples += chunk;
            left -= chunk;
        }
    }

    private static void drain(FFmpegFrameFilter audio, FFmpegFrameRecorder recorder)
            throws FFmpegFrameFilter.Exception, FFmpegFrameRecorder.Exception {
        Frame normalised;
        while ((normalised = audio.pullSamples()) != null) {
            recorder.record(normalised);
        }
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is cleaned with the machine's temp files
        }
    }
}
