package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class YouTubeQuotaTest {

    @Test
    void eachProjectSpendsItsOwnUnitsUntilMidnightPacific() {
        YouTubeQuota quota = new YouTubeQuota(3);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant evening = Instant.parse("2026-12-04T07:59:00Z"); // 23:59 in Los Angeles

        assertThat(quota.spend(first, 2, evening)).isTrue();
        assertThat(quota.spend(first, 2, evening)).as("would make 4 of 3").isFalse();
        assertThat(quota.spent(first, evening))
                .as("a refused spend spends nothing")
                .isEqualTo(2);
        assertThat(quota.spend(first, 1, evening)).isTrue();
        assertThat(quota.spend(second, 3, evening))
                .as("another project's day is its own")
                .isTrue();

        Instant nextDay = Instant.parse("2026-12-04T08:00:00Z");
        assertThat(YouTubeQuota.nextDay(evening)).isEqualTo(nextDay);
        assertThat(quota.spend(first, 3, nextDay)).isTrue();
    }

    @Test
    void theQuotaDayFollowsPacificDaylightSavingTime() {
        assertThat(YouTubeQuota.nextDay(Instant.parse("2026-07-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
    }
}
