package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaUsageTest {

    @Test
    void theHighestShareOfEitherHeaderCountsWithMetasEstimate() {
        MetaUsage usage = MetaUsage.of(
                "{\"17841400000000001\":[{\"type\":\"instagram\",\"call_count\":40,\"total_cputime\":92,"
                        + "\"total_time\":10,\"estimated_time_to_regain_access\":3}]}",
                "{\"call_count\":55,\"total_time\":5,\"total_cputime\":5}");
        assertThat(usage.percent()).isEqualTo(92);
        assertThat(usage.minutesToRegainAccess()).isEqualTo(3);
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(usage.regainAccess(now)).isEqualTo(Instant.parse("2026-12-03T10:03:00Z"));
    }

    @Test
    void absentOrMalformedHeadersSayNothing() {
        assertThat(MetaUsage.of(null, null)).isEqualTo(MetaUsage.NONE);
        assertThat(MetaUsage.of("not json", "[1,2]")).isEqualTo(MetaUsage.NONE);
        assertThat(MetaUsage.of("{\"1\": \"x\"}", "{\"call_count\": \"high\"}")).isEqualTo(MetaUsage.NONE);
        assertThat(MetaUsage.NONE.regainAccess(Instant.EPOCH)).isNull();
    }
}
