package io.contentfactory.analysis.audio;

import io.contentfactory.analysis.scoring.AudioFeatures;
import io.contentfactory.media.UndecodableMediaException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Reads a clip's audio as 16 kHz mono and cuts it into 30 ms frames. A frame is sound when it stands above the
 * track's own noise floor and above -50 dBFS. Speech is sound whose level rises and falls with syllables: within each
 * second, its frame levels vary by more than {@link #SYLLABLE_SPREAD_DB}, and its zero-crossing rate lies in the range
 * of voices. Steady sound that lasts (a tone, a pad of music) is the opposite: a second after second of little spread.
 * This is a small, explainable voice-activity detector, not a classifier of genres. Blocking.
 */
public final class AudioAnalyzer {

    static final int RATE = 16_000;
    static final int FRAME = RATE * 30 / 1000;
    static final double SYLLABLE_SPREAD_DB = 6;
    private static final int FRAMES_PER_SECOND = 1000 / 30;

    private AudioAnalyzer() {}

    /** The track as 16 kHz mono 16-bit samples, or null when the file has no audio. */
    public static short[] samples(Path file) throws UndecodableMediaException {
        return decode(file);
    }

    public static AudioFeatures features(short[] samples) {
        int frames = samples.length / FRAME;
        if (frames == 0) {
            return new AudioFeatures(true, -90, 0, null, 0, false);
        }
        double[] levels = new double[frames];
        double[] crossings = new double[frames];
        double sumSquares = 0;
        for (int f = 0; f < frames; f++) {
            double energy = 0;
            int zeroCrossings = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                double value = samples[i] / 32768.0;
                energy += value * value;
                if (i > f * FRAME && (samples[i] >= 0) != (samples[i - 1] >= 0)) {
                    zeroCrossings++;
                }
            }
            sumSquares += energy;
            levels[f] = decibels(energy / FRAME);
            crossings[f] = zeroCrossings / (double) FRAME;
        }
        // The quietest tenth is the noise floor, unless it is loud itself: a track that never pauses has no floor to
        // see.
        double quietest = percentile(levels, 0.1);
        double floor = quietest < -40 ? quietest : -60;
        boolean[] sound = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            sound[f] = levels[f] > -50 && levels[f] > floor + 10;
        }
        boolean[] speech = new boolean[frames];
        int speechFrames = 0;
        int steadySeconds = 0;
        int soundSeconds = 0;
        for (int start = 0; start < frames; start += FRAMES_PER_SECOND) {
            int end = Math.min(frames, start + FRAMES_PER_SECOND);
            double spread = spreadOfSound(levels, sound, start, end);
            int soundInSecond = count(sound, start, end);
            if (soundInSecond > (end - start) / 2) {
                soundSeconds++;
                if (spread < SYLLABLE_SPREAD_DB / 2) {
                    steadySeconds++;
                }
            }
            boolean syllabic = spread > SYLLABLE_SPREAD_DB;
            for (int f = start; f < end; f++) {
                speech[f] = syllabic && sound[f] && crossings[f] > 0.005 && crossings[f] < 0.35;
                speechFrames += speech[f] ? 1 : 0;
            }
        }
        int firstSound = first(sound);
        int firstSpeech = first(speech);
        double seconds = frames * 0.03;
        return new AudioFeatures(
                true,
                decibels(sumSquares / (frames * (double) FRAME)),
                speechFrames / (double) frames,
                firstSpeech < 0 ? null : firstSpeech * 0.03,
                firstSound < 0 ? seconds : firstSound * 0.03,
                soundSeconds >= 2 && steadySeconds >= soundSeconds * 0.7 && speechFrames < frames * 0.1);
    }

    private static short[] decode(Path file) throws UndecodableMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleRate(RATE);
            grabber.setAudioChannels(1);
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            if (!grabber.hasAudio()) {
                grabber.stop();
                return null;
            }
            short[] all = new short[RATE * 10];
            int length = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples == null) {
                    continue;
                }
                ShortBuffer buffer = (ShortBuffer) frame.samples[0];
                int available = buffer.remaining();
                if (length + available > all.length) {
                    all = Arrays.copyOf(all, Math.max(all.length * 2, length + available));
                }
                buffer.get(all, length, available);
                length += available;
            }
            grabber.stop();
            return Arrays.copyOf(all, length);
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableMediaException("FFmpeg cannot decode the file's audio");
        }
    }

    private static double spreadOfSound(double[] levels, boolean[] sound, int start, int end) {
        double sum = 0;
        int n = 0;
        for (int f = start; f < end; f++) {
            if (sound[f]) {
                sum += levels[f];
                n++;
            }
        }
        if (n < 3) {
            return 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (int f = start; f < end; f++) {
            if (sound[f]) {
                squares += (levels[f] - mean) * (levels[f] - mean);
            }
        }
        return Math.sqrt(squares / n);
    }

    private static int count(boolean[] flags, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n += flags[i] ? 1 : 0;
        }
        return n;
    }

    private static int first(boolean[] flags) {
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                return i;
            }
        }
        return -1;
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    private static double decibels(double meanSquare) {
        return meanSquare <= 1e-9 ? -90 : 10 * Math.log10(meanSquare);
    }
}
