package io.contentfactory.metrics.platform;

import io.contentfactory.metrics.domain.Reading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * What an error answer of a Google API means for a read: {@code error.code}, {@code error.message} and
 * {@code error.errors[0].reason}, as the YouTube Data and Analytics APIs send them.
 */
final class GoogleAnswer {

    /** A burst limit ({@code rateLimitExceeded}, 429) passes within a minute; the daily quota at midnight Pacific. */
    static final Duration BURST_WAIT = Duration.ofMinutes(1);

    private GoogleAnswer() {}

    static Reading error(int status, String text, Instant now) {
        JsonObject body = PlatformAnswer.json(text);
        JsonObject error = body == null ? null : body.getJsonObject("error");
        String reason = reasonOf(error);
        String why = "youtube answered HTTP " + status + (reason == null ? "" : " " + reason)
                + (error == null ? "" : ": " + error.getString("message", ""));
        if (status == 401) {
            return new Reading.TokenRejected(why);
        }
        if ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason)) {
            return new Reading.Throttled(YouTubeQuota.nextDay(now), why);
        }
        if (status == 429 || "rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason)) {
            return new Reading.Throttled(now.plus(BURST_WAIT), why);
        }
        if (status == 404 || "videoNotFound".equals(reason)) {
            return new Reading.Gone(why);
        }
        if (status >= 500 || status == 408) {
            return new Reading.Transient(why);
        }
        return new Reading.Unavailable(why);
    }

    private static String reasonOf(JsonObject error) {
        JsonArray errors = error == null ? null : error.getJsonArray("errors");
        return errors == null || errors.isEmpty()
                ? null
                : errors.getJsonObject(0).getString("reason");
    }
}
