package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentimentLabelTest {

    @Test
    void theFivePointScaleIsCutAtTheNeutralBandAndAtHalfStrength() {
        assertThat(SentimentLabel.of(-0.9)).isEqualTo(SentimentLabel.VERY_NEGATIVE);
        assertThat(SentimentLabel.of(-0.5)).isEqualTo(SentimentLabel.VERY_NEGATIVE);
        assertThat(SentimentLabel.of(-0.3)).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SentimentLabel.of(-0.05)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(0)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(0.05)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(0.2)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.of(0.5)).isEqualTo(SentimentLabel.VERY_POSITIVE);
        assertThat(SentimentLabel.VERY_POSITIVE.wire()).isEqualTo("very_positive");
    }

    @Test
    void aScoreOutsideMinusOneToOneIsRefusedOrBounded() {
        assertThatThrownBy(() -> new Sentiment(1.5, SentimentLabel.VERY_POSITIVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Sentiment.of(1.5).score()).isEqualTo(1.0);
    }
}
