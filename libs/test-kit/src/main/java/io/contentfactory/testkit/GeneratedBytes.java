package io.contentfactory.testkit;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A body of any length made as it is read, never held in memory: an optional header, then pseudo-random bytes from a
 * seed. Its SHA-256 is computed on the way, for comparing with what a service stored.
 */
public final class GeneratedBytes extends InputStream {

    /** The start of an MP4 file: a file type box. What follows it is no valid media. */
    public static final byte[] MP4_HEADER = {
        0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
    };

    private final byte[] header;
    private final long length;
    private final SplittableRandom random;
    private final MessageDigest digest;
    private long position;

    public GeneratedBytes(byte[] header, long length, long seed) {
        this.header = header.clone();
        this.length = length;
        this.random = new SplittableRandom(seed);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GeneratedBytes random(long length, long seed) {
        return new GeneratedBytes(new byte[0], length, seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        int i = 0;
        while (i < n && position + i < header.length) {
            target[offset + i] = header[(int) (position + i)];
            i++;
        }
        while (i < n) {
            long value = random.nextLong();
            for (int b = 0; b < 8 && i < n; b++, i++) {
                target[offset + i] = (byte) (value >>> (b * 8));
            }
        }
        digest.update(target, offset, n);
        position += n;
        return n;
    }

    /** The SHA-256 of every byte read so far, in hex; call it once the body is read whole. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
