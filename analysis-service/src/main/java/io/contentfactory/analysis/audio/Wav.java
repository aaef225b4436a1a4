package io.contentfactory.analysis.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** 16 kHz mono 16-bit PCM samples as a WAV file, the smallest lossless form speech-to-text services all accept. */
public final class Wav {

    private Wav() {}

    public static byte[] of(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(AudioAnalyzer.RATE)
                .putInt(AudioAnalyzer.RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        for (short sample : samples) {
            wav.putShort(sample);
        }
        return wav.array();
    }
}
