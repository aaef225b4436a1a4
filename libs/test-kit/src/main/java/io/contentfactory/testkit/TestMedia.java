package io.contentfactory.testkit;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Real media made on the spot with FFmpeg (through JavaCV) and ImageIO: a moving test pattern with a tone, and images. */
public final class TestMedia {

    private static final int FPS = 25;
    private static final int SAMPLE_RATE = 44_100;

    private TestMedia() {}

    /** What a test clip's pictures show: frame {@code index} of {@code frames}, at the clip's size. */
    @FunctionalInterface
    public interface Painter {
        BufferedImage paint(int index, int frames, int width, int height);
    }

    /** The moving test pattern (a coloured background, a ball crossing it, a caption). */
    public static final Painter PATTERN = (index, frames, width, height) -> pattern(width, height, index, frames);

    /** What a test clip sounds like: {@code null} samples for a frame mean silence. */
    @FunctionalInterface
    public interface Sound {
        short[] samples(int offset, int count);
    }

    public static final Sound TONE = TestMedia::tone440;
    public static final Sound SILENCE = (offset, count) -> new short[count];

    /** The samples of an audio file (a bundled WAV), resampled to the clips' rate, then silence. */
    public static Sound recording(Path audioFile) {
        short[] all = readSamples(audioFile);
        return (offset, count) -> {
            short[] out = new short[count];
            if (offset < all.length) {
                System.arraycopy(all, offset, out, 0, Math.min(count, all.length - offset));
            }
            return out;
        };
    }

    /** An MPEG-4 video in an MP4 container with a 440 Hz AAC tone. */
    public static Path mp4(Path file, int width, int height, double seconds) {
        return mp4(file, width, height, seconds, PATTERN, TONE);
    }

    /** An MPEG-4 video in an MP4 container showing {@code painter}'s pictures with {@code sound} as AAC. */
    public static Path mp4(Path file, int width, int height, double seconds, Painter painter, Sound sound) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 1);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setFrameRate(FPS);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setVideoBitrate(250_000);
            recorder.setAudioBitrate(48_000);
            recorder.start();
            int frames = (int) Math.round(seconds * FPS);
            int samplesPerFrame = SAMPLE_RATE / FPS;
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(painter.paint(i, frames, width, height)));
                recorder.recordSamples(
                        SAMPLE_RATE, 1, ShortBuffer.wrap(sound.samples(i * samplesPerFrame, samplesPerFrame)));
            }
            recorder.stop();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(pattern(width, height, 3, 10), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(pattern(width, height, 3, 10), "png");
    }

    /**
     * The start of a HEIF/HEIC file as phones write it: an {@code ftyp} box with the {@code heic} brand and a
     * {@code meta} box, followed by bytes no decoder here understands.
     */
    public static byte[] heicLike() {
        byte[] file = new byte[4096];
        byte[] header = {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c', 0,
            0, 0, 40, 'm', 'e', 't', 'a'
        };
        System.arraycopy(header, 0, file, 0, header.length);
        for (int i = header.length; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        return file;
    }

    /**
     * A drawn frontal face (hair, skin, brows, eyes, nose, mouth) {@code size} pixels wide in the middle of a plain
     * background: enough for OpenCV's frontal-face Haar cascades to find it, with no photograph needed.
     */
    public static BufferedImage face(int width, int height, int size) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(70, 90, 110));
        g.fillRect(0, 0, width, height);
        int cx = width / 2;
        int cy = height / 2;
        int w = size;
        int h = (int) (size * 1.3);
        g.setColor(new Color(40, 30, 20));
        g.fillOval(cx - w / 2 - w / 20, cy - h / 2 - h / 12, w + w / 10, h * 2 / 3);
        g.setColor(new Color(224, 180, 150));
        g.fillOval(cx - w / 2, cy - h / 2 + h / 10, w, h - h / 10);
        g.setColor(new Color(60, 40, 30));
        g.fillRoundRect(cx - w * 3 / 8, cy - h / 6, w / 4, h / 30, 6, 6);
        g.fillRoundRect(cx + w / 8, cy - h / 6, w / 4, h / 30, 6, 6);
        g.setColor(Color.WHITE);
        g.fillOval(cx - w * 5 / 16, cy - h / 9, w / 5, h / 14);
        g.fillOval(cx + w * 2 / 16, cy - h / 9, w / 5, h / 14);
        g.setColor(new Color(30, 20, 15));
        g.fillOval(cx - w * 5 / 16 + w / 20, cy - h / 9, w / 10, h / 14);
        g.fillOval(cx + w * 2 / 16 + w / 20, cy - h / 9, w / 10, h / 14);
        g.setColor(new Color(190, 145, 120));
        g.fillOval(cx - w / 16, cy - h / 40, w / 8, h / 7);
        g.setColor(new Color(150, 60, 60));
        g.fillOval(cx - w / 6, cy + h / 5, w / 3, h / 16);
        g.dispose();
        return image;
    }

    /** The first {@code fraction} of a file's bytes, as an interrupted copy leaves it. */
    public static byte[] truncated(Path file, double fraction) {
        try {
            byte[] all = Files.readAllBytes(file);
            return java.util.Arrays.copyOf(all, (int) (all.length * fraction));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage pattern(int width, int height, int frame, int frames) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.getHSBColor(frame / (float) Math.max(1, frames), 0.7f, 0.85f));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        int size = Math.max(8, Math.min(width, height) / 6);
        g.fillOval((frame * 9) % Math.max(1, width - size), height / 2 - size / 2, size, size);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, size / 3)));
        g.drawString("Content Factory " + frame, size / 3, size);
        g.dispose();
        return image;
    }

    private static short[] tone440(int offset, int samples) {
        short[] data = new short[samples];
        for (int s = 0; s < samples; s++) {
            data[s] = (short) (Math.sin(2 * Math.PI * 440 * (offset + s) / SAMPLE_RATE) * 6000);
        }
        return data;
    }

    private static short[] readSamples(Path audioFile) {
        try (org.bytedeco.javacv.FFmpegFrameGrabber grabber =
                new org.bytedeco.javacv.FFmpegFrameGrabber(audioFile.toFile())) {
            grabber.setSampleRate(SAMPLE_RATE);
            grabber.setAudioChannels(1);
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer buffer = (ShortBuffer) frame.samples[0];
                while (buffer.hasRemaining()) {
                    out.writeShort(buffer.get());
                }
            }
            grabber.stop();
            java.nio.ShortBuffer all =
                    java.nio.ByteBuffer.wrap(bytes.toByteArray()).asShortBuffer();
            short[] samples = new short[all.remaining()];
            all.get(samples);
            return samples;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + audioFile, e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the demo's sample media: {@code TestMedia <dir>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bin/demo-media"));
        mp4(dir.resolve("morning-routine.mp4"), 360, 640, 8);
        mp4(dir.resolve("kitchen-tour.mp4"), 480, 480, 4);
        Files.write(dir.resolve("green-bowl.jpg"), jpeg(1080, 1350));
    }
}
