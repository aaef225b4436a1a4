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

    @Test
    void aProjectsSetIsPutInTimeOrderAndRefusedWhenItBreaksARule() {
        assertThat(Checkpoint.set(java.util.List.of("24h", "15m", "3d")))
                .extracting(Checkpoint::label)
                .containsExactly("15m", "24h", "3d");
        for (java.util.List<String> bad : java.util.List.of(
                java.util.List.<String>of(),
                java.util.List.of("60m", "1h"),
                java.util.List.of("91d"),
                java.util.List.of("0m"),
                java.util.Collections.nCopies(13, "1h"))) {
            assertThatThrownBy(() -> Checkpoint.set(bad))
                    .as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
