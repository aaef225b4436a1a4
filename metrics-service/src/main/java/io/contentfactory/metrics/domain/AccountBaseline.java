package io.contentfactory.metrics.domain;

/**
 * An account's usual numbers at one checkpoint for one format: the medians of its posts' metrics there, and how many
 * posts they rest on. A median is null when no post reported that metric. Below {@link PostSocialScore#MIN_EARLIER_POSTS}
 * posts it is not a baseline yet, and the score says so rather than inventing one.
 */
public record AccountBaseline(
        String format,
        String checkpoint,
        int posts,
        Double views,
        Double reach,
        Double likes,
        Double comments,
        Double shares,
        Double saves) {

    public boolean established() {
        return posts >= PostSocialScore.MIN_EARLIER_POSTS;
    }
}
