package io.contentfactory.analysis;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Generates real media files for tests: a moving test pattern with a 440 Hz tone. */
final class TestClips {

    private TestClips() {
    }

    static Path mp4(Path file, int width, int height, double seconds) throws Exception {
        int fps = 25;
        int sampleRate = 44100;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 1);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setFrameRate(fps);
            recorder.setSampleRate(sampleRate);
            recorder.setVideoBitrate(400_000);
            recorder.start();
            int frames = (int) Math.round(seconds * fps);
            for (int i = 0; i < frames; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                java.awt.Graphics2D g = image.createGraphics();
                g.setColor(java.awt.Color.getHSBColor(i / (float) frames, 0.8f, 0.9f));
                g.fillRect(0, 0, width, height);
                g.setColor(java.awt.Color.WHITE);
                g.fillOval((i * 7) % width, height / 2, 40, 40);
                g.dispose();
                recorder.record(converter.convert(image));
                recorder.recordSamples(sampleRate, 1, tone(sampleRate / fps, i * (sampleRate / fps), sampleRate));
            }
            recorder.stop();
        }
        return file;
    }

    private static ShortBuffer tone(int samples, int offset, int sampleRate) {
        short[] data = new short[samples];
        for (int s = 0; s < samples; s++) {
            data[s] = (short) (Math.sin(2 * Math.PI * 440 * (offset + s) / sampleRate) * 8000);
        }
        return ShortBuffer.wrap(data);
    }

}
