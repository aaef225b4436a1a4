package io.contentfactory.publisher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.publisher.domain.PublishFailure;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Graph API's awkward formats, as Meta documents them, read without surprises. */
class GraphFormatsTest {

    @Test
    void metasTimestampWithoutAColonInTheOffsetIsRead() {
        assertThat(InstagramClient.graphTime("2026-12-02T17:27:23+0000"))
                .isEqualTo(Instant.parse("2026-12-02T17:27:23Z"));
        assertThat(InstagramClient.graphTime("2026-12-02T19:27:23+0200"))
                .isEqualTo(Instant.parse("2026-12-02T17:27:23Z"));
        assertThat(InstagramClient.graphTime("2026-12-02T17:27:23Z")).isEqualTo(Instant.parse("2026-12-02T17:27:23Z"));
    }

    @Test
    void anUnreadableTimestampIsAPublishFailureNotAnUncheckedException() {
        assertThatThrownBy(() -> InstagramClient.graphTime("yesterday")).isInstanceOf(PublishFailure.class);
        assertThatThrownBy(() -> InstagramClient.graphTime(null)).isInstanceOf(PublishFailure.class);
    }

    @Test
    void anErrorDetailThatCameAsNullIsLeftOut() {
        Map<String, Object> details = new HashMap<>();
        details.put("graph_code", 2);
        details.put("graph_subcode", null);

        PublishError error = new PublishError("instagram_error_2", "unexpected", "publish", true, details);

        assertThat(error.details()).containsOnlyKeys("graph_code");
    }
}
