package io.contentfactory.studio.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.MediaProber;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostAssemblyTest {

    @TempDir
    Path dir;

    private final PostAssembly assembly = new PostAssembly(30, -14);

    @Test
    void shotsOfOtherShapesBecomeOneH264AacReelOfTheCanvasAndTheirSummedLength() throws Exception {
        Path landscape = clip("landscape.mp4", 320, 180, 25, 5.0, true, new Color(30, 60, 160));
        Path silentPortrait = clip("portrait.mp4", 180, 320, 24, 5.0, false, new Color(160, 40, 40));
        Path still = jpeg("still.jpg", 300, 300, new Color(40, 140, 60));
        Canvas canvas = Canvas.of("9:16", 360);
        Path out = dir.resolve("reel.mp4");

        assembly.video(
                List.of(
                        new PostAssembly.Piece(landscape, false, 3.0, "Stop scrolling: this changes mornings"),
                        new PostAssembly.Piece(silentPortrait, false, 4.5, null),
                        new PostAssembly.Piece(still, true, 2.0, "Follow for part two")),
                canvas,
                out);

        MediaProbe probe = MediaProber.probe(out);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.width()).isEqualTo(360);
        assertThat(probe.height()).isEqualTo(640);
        assertThat(probe.durationSec()).isCloseTo(9.5, within(0.15));
    }

    @Test
    void theOnScreenTextIsBurntIntoTheLowerThirdOnly() throws Exception {
        Path plain = clip("plain.mp4", 320, 180, 25, 3.0, true, new Color(30, 60, 160));
        Canvas canvas = Canvas.of("9:16", 360);
        Path out = dir.resolve("texted.mp4");

        assembly.video(List.of(new PostAssembly.Piece(plain, false, 2.0, "Hook on screen")), canvas, out);

        BufferedImage frame = frameAt(out, 1.0);
        int band = (int) (canvas.height() * TextCard.TOP);
        assertThat(whitePixels(frame, band, canvas.height())).isGreaterThan(50);
        assertThat(whitePixels(frame, 0, band - 4)).isZero();
    }

    @Test
    void aStillBecomesAJpegOfTheCanvasWithItsText() throws Exception {
        Path still = jpeg("wide.jpg", 640, 360, new Color(90, 90, 20));
        Canvas canvas = Canvas.of("4:5", 360);
        Path out = dir.resolve("post.jpg");

        assembly.still(new PostAssembly.Piece(still, true, 0, "Save this for later"), canvas, out);

        BufferedImage picture = ImageIO.read(out.toFile());
        assertThat(picture.getWidth()).isEqualTo(360);
        assertThat(picture.getHeight()).isEqualTo(450);
        assertThat(whitePixels(picture, (int) (450 * TextCard.TOP), 450)).isGreaterThan(50);
    }

    @Test
    void canvasesKeepTheShortSideAndEvenSides() {
        assertThat(Canvas.of("9:16", 1080)).isEqualTo(new Canvas(1080, 1920));
        assertThat(Canvas.of("4:5", 1080)).isEqualTo(new Canvas(1080, 1350));
        assertThat(Canvas.of("16:9", 1080)).isEqualTo(new Canvas(1920, 1080));
        assertThat(Canvas.of("1:1", 361)).isEqualTo(new Canvas(362, 362));
    }

    private static int whitePixels(BufferedImage image, int fromY, int toY) {
        int count = 0;
        for (int y = Math.max(0, fromY); y < Math.min(image.getHeight(), toY); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 225 && c.getGreen() > 225 && c.getBlue() > 225) {
                    count++;
                }
            }
        }
        return count;
    }

    private static BufferedImage frameAt(Path video, double seconds) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            grabber.setTimestamp((long) (seconds * 1_000_000));
            Frame frame = grabber.grabImage();
            return deepCopy(converter.convert(frame));
        }
    }

    private static BufferedImage deepCopy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private Path clip(String name, int width, int height, int fps, double seconds, boolean withAudio, Color color)
            throws Exception {
        Path file = dir.resolve(name);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, withAudio ? 1 : 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(fps);
            if (withAudio) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(44_100);
            }
            recorder.start();
            int frames = (int) Math.round(seconds * fps);
            int samplesPerFrame = 44_100 / fps;
            for (int i = 0; i < frames; i++) {
                BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = picture.createGraphics();
                g.setColor(color);
                g.fillRect(0, 0, width, height);
                g.dispose();
                recorder.record(converter.convert(picture));
                if (withAudio) {
                    short[] tone = new short[samplesPerFrame];
                    for (int k = 0; k < tone.length; k++) {
                        tone[k] = (short) (2000 * Math.sin(2 * Math.PI * 330 * (i * samplesPerFrame + k) / 44_100.0));
                    }
                    recorder.recordSamples(44_100, 1, ShortBuffer.wrap(tone));
                }
            }
            recorder.stop();
        }
        return file;
    }

    private Path jpeg(String name, int width, int height, Color color) throws Exception {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(picture, "jpg", file.toFile());
        return file;
    }
}
