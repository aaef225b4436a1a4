package io.contentfactory.metrics.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.metrics.domain.SentimentLabel;
import org.junit.jupiter.api.Test;

class VaderSentimentTest {

    private final VaderSentiment vader = new VaderSentiment();

    @Test
    void emojiAreReadByTheirNames() {
        assertThat(VaderSentiment.emojiSpelledOut("so good 😍")).contains("smiling face with heart-eyes");
        assertThat(VaderSentiment.emojiSpelledOut("a😍b🔥c")).isEqualTo("a smiling face with heart-eyes b fire c");
        assertThat(VaderSentiment.emojiSpelledOut("no emoji here")).isEqualTo("no emoji here");
        assertThat(vader.of("😍").score()).isPositive();
        assertThat(vader.of("😡").score()).isNegative();
        assertThat(vader.of("😂😂").label()).isIn(SentimentLabel.POSITIVE, SentimentLabel.VERY_POSITIVE);
    }

    @Test
    void negationSlangAndIntensityMatter() {
        assertThat(vader.of("this is good").score()).isPositive();
        assertThat(vader.of("this is not good").score()).isNegative();
        assertThat(vader.of("meh").score()).isNegative();
        assertThat(vader.of("lol").score()).isPositive();
        assertThat(vader.of("this is GOOD!!!").score())
                .isGreaterThan(vader.of("this is good").score());
        assertThat(vader.of("Terrible. Just terrible.").label()).isEqualTo(SentimentLabel.VERY_NEGATIVE);
    }

    @Test
    void textWithoutWordsIsNeutral() {
        assertThat(vader.of("").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(vader.of("?!").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(vader.of("Where is this from?").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }
}
