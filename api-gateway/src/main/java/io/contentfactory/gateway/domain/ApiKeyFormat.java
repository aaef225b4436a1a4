package io.contentfactory.gateway.domain;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * API keys in the style of GitHub tokens: {@code cf_live_} + an 11-character lookup id + a 32-character secret
 * (about 190 random bits in base62) + {@code _} + a 6-character base62 CRC32 of everything before it.
 *
 * <p>The prefix makes a leaked key recognisable to secret scanners; the checksum rejects typos and random strings
 * without touching the database; the lookup id finds the stored hash with one indexed read.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "cf_live_";
    static final int LOOKUP_LENGTH = 11;
    static final int SECRET_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int KEY_LENGTH = PREFIX.length() + LOOKUP_LENGTH + SECRET_LENGTH + 1 + CHECKSUM_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {}

    public record ParsedKey(String key, String lookupId) {}

    public static ParsedKey generate() {
        String body = PREFIX + random(LOOKUP_LENGTH) + random(SECRET_LENGTH);
        String key = body + "_" + checksum(body);
        return new ParsedKey(key, lookupIdOf(key));
    }

    /** The key's lookup id, if it is well formed and its checksum matches; no secret is compared here. */
    public static Optional<ParsedKey> parse(String candidate) {
        if (candidate == null || candidate.length() != KEY_LENGTH || !candidate.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = candidate.substring(0, KEY_LENGTH - CHECKSUM_LENGTH - 1);
        if (candidate.charAt(body.length()) != '_'
                || !isBase62(body.substring(PREFIX.length()))
                || !checksum(body).equals(candidate.substring(body.length() + 1))) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(candidate, lookupIdOf(candidate)));
    }

    private static String lookupIdOf(String key) {
        return key.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH);
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    private static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
