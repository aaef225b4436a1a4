package io.contentfactory.metrics.domain;

/** How a comment feels: a score in [-1, 1] (VADER's compound) and its label on the five-point scale. */
public record Sentiment(double score, SentimentLabel label) {

    public Sentiment {
        if (Double.isNaN(score) || score < -1 || score > 1) {
            throw new IllegalArgumentException("a sentiment score lies in [-1, 1], not " + score);
        }
    }

    public static Sentiment of(double score) {
        double bounded = Math.max(-1, Math.min(1, score));
        return new Sentiment(bounded, SentimentLabel.of(bounded));
    }
}
