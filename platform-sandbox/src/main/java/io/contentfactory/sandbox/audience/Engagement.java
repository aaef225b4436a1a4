package io.contentfactory.sandbox.audience;

import java.time.Duration;
import java.time.Instant;

/**
 * How one post does with its audience, fixed when it goes live: where its views level off, how fast they get there,
 * and what share of viewers like, comment, share, save, follow and visit the profile. Counters grow along
 * {@code views(t) = final × (1 − e^−(t + t₀)/τ)}, t in simulated minutes since the post went live, t₀ = τ/20 for the
 * first burst from followers' feeds. Reels and videos are quick (τ = 6 h), images slow (τ = 18 h).
 *
 * @param minute        the real length of one simulated minute (a test or the demo compresses time)
 * @param positiveShare the share of its comments that are positive; the rest split between neutral and negative
 */
public record Engagement(
        double finalViews,
        double tauMinutes,
        double reachShare,
        double likeRate,
        double commentRate,
        double shareRate,
        double saveRate,
        double followRate,
        double profileVisitRate,
        double positiveShare,
        Duration minute) {

    public static final double VIDEO_TAU_MINUTES = 6 * 60;
    public static final double IMAGE_TAU_MINUTES = 18 * 60;

    /** The post's lifetime counters at {@code now}. */
    public Counters at(Instant liveSince, Instant now) {
        long views = (long) Math.floor(viewsAfter(simulatedMinutes(liveSince, now)));
        return new Counters(
                views,
                (long) (views * reachShare),
                (long) (views * likeRate),
                (long) (views * commentRate),
                (long) (views * shareRate),
                (long) (views * saveRate),
                (long) (views * followRate),
                (long) (views * profileVisitRate));
    }

    /** When the post's {@code n}th comment arrived: the first moment its count of comments reached {@code n}. */
    public Instant commentArrival(long n, Instant liveSince) {
        double viewsNeeded = Math.ceil(n / commentRate);
        double fraction = Math.min(viewsNeeded / finalViews, 1 - 1e-12);
        double minutes = Math.max(0, -tauMinutes * Math.log(1 - fraction) - startMinutes());
        return liveSince.plusNanos((long) (minutes * minute.toNanos()));
    }

    private double viewsAfter(double minutes) {
        return finalViews * (1 - Math.exp(-(minutes + startMinutes()) / tauMinutes));
    }

    private double startMinutes() {
        return tauMinutes / 20;
    }

    private double simulatedMinutes(Instant liveSince, Instant now) {
        if (now.isBefore(liveSince)) {
            return 0;
        }
        return (double) Duration.between(liveSince, now).toNanos() / minute.toNanos();
    }

    /** Lifetime counters; each platform reports its own subset under its own names. */
    public record Counters(
            long views,
            long reach,
            long likes,
            long comments,
            long shares,
            long saves,
            long follows,
            long profileVisits) {}
}
