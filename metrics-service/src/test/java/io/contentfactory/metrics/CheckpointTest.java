package io.contentfactory.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.metrics.domain.Checkpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    @Test
    void theSeedsCheckpointsParseToTheirOffsets() {
        assertThat(Checkpoint.parse("15m").offset(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(15));
        assertThat(Checkpoint.parse("4h").offset(Duration.ofMinutes(1))).isEqualTo(Duration.ofHours(4));
        assertThat(Checkpoint.parse("7d").offset(Duration.ofMinutes(1))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aCompressedMinuteCompressesTheOffset() {
        assertThat(Checkpoint.parse("1h").offset(Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> Checkpoint.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
