package io.contentfactory.ingest.storage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What is learnt from bytes as they stream past, whatever brings them (an upload's stream, an import's response,
 * a watched file): their SHA-256, their count against the size limit, and their first bytes for sniffing.
 */
public final class IncomingDigest {

    static final int HEAD_BYTES = 64;

    private final MessageDigest sha = sha256();
    private final byte[] head = new byte[HEAD_BYTES];
    private final long limit;
    private int headLength;
    private long size;

    public IncomingDigest(long limit) {
        this.limit = limit;
    }

    /** Counts and hashes a chunk; past the limit it throws and the caller drops everything. */
    public void accept(byte[] chunk, int offset, int length) throws TooLargeException {
        size += length;
        if (size > limit) {
            throw new TooLargeException(limit);
        }
        if (headLength < HEAD_BYTES) {
            int take = Math.min(length, HEAD_BYTES - headLength);
            System.arraycopy(chunk, offset, head, headLength, take);
            headLength += take;
        }
        sha.update(chunk, offset, length);
    }

    public void accept(ByteBuffer chunk) throws TooLargeException {
        int length = chunk.remaining();
        size += length;
        if (size > limit) {
            throw new TooLargeException(limit);
        }
        if (headLength < HEAD_BYTES) {
            int take = Math.min(length, HEAD_BYTES - headLength);
            chunk.duplicate().get(head, headLength, take);
            headLength += take;
        }
        sha.update(chunk.duplicate());
    }

    public long size() {
        return size;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
