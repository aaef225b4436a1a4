package io.contentfactory.publisher.domain;

import java.time.Instant;

/**
 * Tokens a refresh answered.
 *
 * @param refreshToken a rotated refresh token, or null when the platform keeps the old one (which is then kept)
 * @param expiresAt    when the new access token expires, or null if the platform did not say
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + "]";
    }
}
