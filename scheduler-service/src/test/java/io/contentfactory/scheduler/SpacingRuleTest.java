package io.contentfactory.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.scheduler.domain.SpacingRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpacingRuleTest {

    private final SpacingRule seed = new SpacingRule(24 * 60, 2, 24);

    @Test
    void littleMediaIsPostedOncePerDay() {
        assertThat(seed.gapHours(10)).isEqualTo(24);
    }

    @Test
    void lotsOfMediaIsPostedEveryTwoHours() {
        assertThat(seed.gapHours(5000)).isEqualTo(2);
    }

    @Test
    void inBetweenItSpreadsEvenlyOverTheHorizon() {
        assertThat(seed.gapHours(120)).isEqualTo(12);
        assertThat(seed.gapHours(240)).isEqualTo(6);
    }

    @Test
    void aCompressedPlanHourScalesTheRealGap() {
        assertThat(seed.gap(120, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(12));
        assertThat(seed.gap(120, Duration.ofHours(1))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void inconsistentBoundsAreRefused() {
        assertThatThrownBy(() -> new SpacingRule(1440, 24, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
