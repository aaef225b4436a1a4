package io.contentfactory.sandbox.fal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Real media for a generation stand-in: a JPEG, or an MP4 clip of the asked length with a soft tone, each showing the
 * prompt it was made for, so that whatever reads it downstream (analysis, assembly) reads a true file. Small sizes
 * keep the sandbox fast: the aspect ratio is kept, the long side is {@value #LONG_SIDE} px.
 */
final class GeneratedMedia {

    static final int LONG_SIDE = 640;
    private static final int FPS = 25;
    private static final int SAMPLE_RATE = 44_100;

    private GeneratedMedia() {}

    /** Width and height for {@code aspectRatio} ({@code 9:16}), even numbers, the long side {@value #LONG_SIDE}. */
    static int[] size(String aspectRatio) {
        String[] sides = (aspectRatio == null ? "16:9" : aspectRatio).split(":");
        double w = Double.parseDouble(sides[0]);
        double h = Double.parseDouble(sides[1]);
        int width = w >= h ? LONG_SIDE : even(LONG_SIDE * w / h);
        int height = w >= h ? even(LONG_SIDE * h / w) : LONG_SIDE;
        return new int[] {width, height};
    }

    static byte[] jpeg(String prompt, String aspectRatio, long seed) {
        int[] size = size(aspectRatio);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(picture(prompt, size[0], size[1], seed, 0, 1), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mp4(Path file, String prompt, String aspectRatio, double seconds, long seed) {
        int[] size = size(aspectRatio);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), size[0], size[1], 1);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setFrameRate(FPS);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setVideoBitrate(400_000);
            recorder.start();
            int frames = (int) Math.round(seconds * FPS);
            int samplesPerFrame = SAMPLE_RATE / FPS;
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(picture(prompt, size[0], size[1], seed, i, frames)));
                recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(tone(i * samplesPerFrame, samplesPerFrame)));
            }
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    static Path tempMp4() {
        try {
            return Files.createTempFile("fal-sandbox-", ".mp4");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gradient whose hue comes from the seed and drifts with time, and the prompt written across it. */
    private static BufferedImage picture(String prompt, int width, int height, long seed, int frame, int frames) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float hue = (Math.floorMod(seed, 360) + frame * 90f / Math.max(1, frames)) / 360f;
        g.setPaint(new java.awt.GradientPaint(
                0, 0, Color.getHSBColor(hue, 0.6f, 0.9f), width, height, Color.getHSBColor(hue + 0.2f, 0.7f, 0.4f)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, width / 22)));
        int y = height / 3;
        for (String line : wrap(prompt, g.getFontMetrics(), width - 40)) {
            g.drawString(line, 20, y);
            y += g.getFontMetrics().getHeight();
        }
        g.dispose();
        return image;
    }

    private static List<String> wrap(String text, java.awt.FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && metrics.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.subList(0, Math.min(lines.size(), 8));
    }

    private static short[] tone(int from, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) (Math.sin(2 * Math.PI * 220 * (from + i) / SAMPLE_RATE) * 3000);
        }
        return samples;
    }

    private static int even(double value) {
        int rounded = (int) Math.round(value);
        return rounded - rounded % 2;
    }
}
