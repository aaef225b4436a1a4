package io.contentfactory.analysis.bench;

import io.contentfactory.analysis.clients.LocalAnalyzer;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.testkit.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;

/**
 * Seconds to analyze a 60 s 1080p H.264 clip with the local analyzer alone (probe, frames, sound, score), as a multiple
 * of real time, and media analysed per minute with two threads. Reports figures; asserts nothing about time.
 * Run: ./mvnw -Pbench -pl analysis-service test -Dtest=AnalyzeBench
 */
class AnalyzeBench {

    private static final int FPS = 25;
    private static final int SECONDS = 60;

    @Test
    void sixtySecondsOf1080pH264() throws Exception {
        Path clip = Files.createTempDirectory("analyze-bench").resolve("1080p-60s.mp4");
        long made = System.nanoTime();
        String codec = h264(clip);
        System.out.printf(
                "BENCH analysis: made the clip (%s, %d MB) in %.1f s%n",
                codec, Files.size(clip) >> 20, (System.nanoTime() - made) / 1e9);

        LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            LocalAnalyzer.Result result = LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH analysis round %d: %.2f s for %d s of 1080p = %.1fx real time (%d frames sampled, %d cuts,"
                            + " score %.1f)%n",
                    round,
                    seconds,
                    SECONDS,
                    SECONDS / seconds,
                    result.sampling().samples().size(),
                    result.sampling().cuts(),
                    result.score().value());
        }

        ExecutorService consumers = Executors.newFixedThreadPool(2);
        int media = 6;
        long start = System.nanoTime();
        List<Future<LocalAnalyzer.Result>> results = new ArrayList<>();
        for (int i = 0; i < media; i++) {
            results.add(consumers.submit(() -> LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS)));
        }
        for (Future<LocalAnalyzer.Result> result : results) {
            result.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consumers.shutdown();
        System.out.printf(
                "BENCH analysis with 2 threads: %d clips of 60 s 1080p in %.1f s = %.1f media per minute%n",
                media, seconds, media / seconds * 60);
    }

    /**
     * A 60 s 1920x1080 H.264 clip (2 s keyframe interval) of the moving test pattern, every frame different so that the
     * decoder has real work, with a new scene (colour and brightness) every 4 s, and a tone.
     */
    private static String h264(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1920, 1080, 1);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(2 * FPS);
            recorder.setVideoBitrate(6_000_000);
            recorder.setSampleRate(44_100);
            recorder.start();
            int frames = SECONDS * FPS;
            int samplesPerFrame = 44_100 / FPS;
            for (int i = 0; i < frames; i++) {
                int scene = i / (4 * FPS);
                BufferedImage picture = TestMedia.PATTERN.paint(i, frames, 1920, 1080);
                if (scene % 2 == 1) {
                    java.awt.Graphics2D g = picture.createGraphics();
                    g.setColor(new java.awt.Color(0, 0, 0, 150));
                    g.fillRect(0, 0, 1920, 1080);
                    g.dispose();
                }
                recorder.record(converter.convert(picture));
                recorder.recordSamples(
                        44_100, 1, ShortBuffer.wrap(TestMedia.TONE.samples(i * samplesPerFrame, samplesPerFrame)));
            }
            recorder.stop();
            return recorder.getVideoCodecName() == null ? "h264" : recorder.getVideoCodecName();
        }
    }
}
