package io.contentfactory.sandbox.audience;

import java.util.List;

/**
 * One account's audience: how many people follow it, when they are around (a share per hour of the week, averaging
 * 1), and what they like. Hidden from the services: only tests and benchmarks read it, through {@code /sandbox/audience}.
 */
public record Audience(String accountId, long size, List<Double> activity, Taste taste) {

    public static final int HOURS_OF_WEEK = 168;

    public double activityAt(int hourOfWeek) {
        return activity.get(Math.floorMod(hourOfWeek, HOURS_OF_WEEK));
    }

    /**
     * The log of a post's appeal to this audience before noise: the sum of what its taste makes of each feature. A
     * post the audience is indifferent to scores 0.
     */
    public double logAppeal(PostFeatures post) {
        double score = taste.hook() * 2 * (post.hookStrength() - 0.5)
                + taste.faces() * (post.faces() ? 0.5 : -0.5)
                + taste.onScreenText() * (post.onScreenText() ? 0.5 : -0.5);
        if (post.video()) {
            double off = (post.lengthSeconds() - taste.preferredLengthSeconds()) / taste.lengthToleranceSeconds();
            score -= 0.5 * off * off;
        }
        for (String topic : post.topics()) {
            score += taste.topics().getOrDefault(topic, 0.0);
        }
        return score;
    }
}
