package io.contentfactory.sandbox.common;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One platform's OAuth state: access tokens (with their expiry) and refresh tokens, each belonging to an account.
 * A refresh issues a new access token; {@code rotate} says whether it also replaces the refresh token, as TikTok's
 * does and Google's does not.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final Map<String, Grant> access = new ConcurrentHashMap<>();
    private final Map<String, String> refresh = new ConcurrentHashMap<>();

    public Tokens(String prefix) {
        this.prefix = prefix;
    }

    public record Grant(String accountId, Instant expiresAt) {}

    public record Issued(String accountId, String accessToken, String refreshToken, long expiresIn) {}

    /** A token that never expires, from configuration. */
    public void seed(String accountId, String accessToken) {
        access.put(accessToken, new Grant(accountId, Instant.MAX));
    }

    /** What a completed consent screen gives: an access token valid for {@code ttl} and a refresh token. */
    public Issued grant(String accountId, Duration ttl) {
        String token = newToken("at");
        String refreshToken = newToken("rt");
        access.put(token, new Grant(accountId, Instant.now().plus(ttl)));
        refresh.put(refreshToken, accountId);
        return new Issued(accountId, token, refreshToken, ttl.toSeconds());
    }

    /** The account an unexpired access token belongs to. */
    public Optional<String> accountOf(String accessToken) {
        Grant grant = accessToken == null ? null : access.get(accessToken);
        return grant == null || Instant.now().isAfter(grant.expiresAt())
                ? Optional.empty()
                : Optional.of(grant.accountId());
    }

    /** The account a live refresh token belongs to. */
    public Optional<String> accountOfRefresh(String refreshToken) {
        return Optional.ofNullable(refreshToken == null ? null : refresh.get(refreshToken));
    }

    /** A new access token for a refresh token; empty if the refresh token is unknown or revoked. */
    public Optional<Issued> refresh(String refreshToken, Duration ttl, boolean rotate) {
        String accountId = refreshToken == null ? null : refresh.get(refreshToken);
        if (accountId == null) {
            return Optional.empty();
        }
        String token = newToken("at");
        access.put(token, new Grant(accountId, Instant.now().plus(ttl)));
        String next = refreshToken;
        if (rotate) {
            refresh.remove(refreshToken);
            next = newToken("rt");
            refresh.put(next, accountId);
        }
        return Optional.of(new Issued(accountId, token, next, ttl.toSeconds()));
    }

    /** Instagram's way: the unexpired access token itself is exchanged for a new one. */
    public Optional<Issued> exchange(String accessToken, Duration ttl) {
        return accountOf(accessToken).map(accountId -> {
            String token = newToken("at");
            access.put(token, new Grant(accountId, Instant.now().plus(ttl)));
            return new Issued(accountId, token, null, ttl.toSeconds());
        });
    }

    public void revoke(String refreshToken) {
        refresh.remove(refreshToken);
    }

    private String newToken(String kind) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return prefix + "." + kind + "." + HexFormat.of().formatHex(bytes);
    }
}
