package io.contentfactory.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentTest {

    @Test
    void praiseIsPositiveComplaintIsNegativeAndAPlainListIsNeutral() {
        double praise = Sentiment.of("This is the best morning routine, I love how easy and healthy it is.", "en")
                .orElseThrow();
        double complaint = Sentiment.of("Worst purchase ever. It broke in a week and the support was terrible.", "en")
                .orElseThrow();
        double plain = Sentiment.of("Drink water first, then stretch for five minutes.", "en")
                .orElseThrow();

        assertThat(praise).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(complaint).isLessThan(-0.5).isGreaterThanOrEqualTo(-1);
        assertThat(plain).isZero();
    }

    @Test
    void aNegationTurnsAWordAround() {
        assertThat(Sentiment.of("This was not good.", "en").orElseThrow()).isLessThan(0);
        assertThat(Sentiment.of("Honestly, it isn't bad at all.", "en").orElseThrow())
                .isGreaterThan(0);
    }

    @Test
    void otherLanguagesAndSilenceHaveNoSentiment() {
        assertThat(Sentiment.of("Das ist wirklich gut.", "de")).isEmpty();
        assertThat(Sentiment.of(null, null)).isEmpty();
        assertThat(Sentiment.of("  ", "en")).isEmpty();
    }
}
