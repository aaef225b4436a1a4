package io.contentfactory.coach.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachRules;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.MediaProfile;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    @Test
    void aSnapshotAndItsAdviceReadBackAsTheyWereWritten() {
        UUID mediaId = UUID.randomUUID();
        UUID patternId = UUID.randomUUID();
        MetricsCollected reading = new MetricsCollected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                mediaId,
                Platform.INSTAGRAM,
                "17900",
                "24h",
                Instant.parse("2026-12-01T12:00:00.123456Z"),
                1000L,
                50L,
                20L,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-12-01T12:00:00Z"),
                PostFormat.REEL,
                List.of(),
                60.0,
                "score 60",
                new MetricsCollected.AccountBaseline("views", 800, 4),
                new MetricsCollected.CommentSummary(
                        3, 1, 1, List.of(new MetricsCollected.TopicCluster("price", 2, 1, 1))));
        MediaProfile profile = new MediaProfile(
                mediaId,
                "video",
                20.0,
                50,
                new AnalysisFeatures(
                        List.of("a", "b"),
                        1.0,
                        1.0,
                        2.0,
                        4,
                        2,
                        0,
                        null,
                        0.5,
                        "words",
                        List.of(new AnalysisFeatures.ScoreContribution("hook", 1, 20, "still")),
                        List.of(new AnalysisFeatures.PatternMatch(patternId, 0.72, List.of("cold", "brew")))));
        CoachSnapshot snapshot = CoachSnapshot.of(mediaId, profile, List.of(reading));
        CoachAdvice advice = CoachRules.advise(snapshot);

        assertThat(JsonColumns.read(JsonColumns.write(reading), MetricsCollected.class))
                .isEqualTo(reading);
        CoachSnapshot read = JsonColumns.read(JsonColumns.write(snapshot), CoachSnapshot.class);
        assertThat(JsonColumns.write(read)).isEqualTo(JsonColumns.write(snapshot));
        assertThat(read.readings()).isEqualTo(snapshot.readings());
        assertThat(read.media()).isEqualTo(snapshot.media());
        assertThat(read.has("metric.instagram.24h.views")).isTrue();
        assertThat(read.entry("pattern." + patternId))
                .as("the patterns analysis found the item resembles are evidence in the snapshot")
                .hasValueSatisfying(entry -> {
                    assertThat(entry.kind()).isEqualTo(io.contentfactory.coach.domain.Evidence.Kind.PATTERN);
                    assertThat(entry.value()).isEqualTo(0.72);
                    assertThat(entry.label()).contains("cold, brew");
                });
        assertThat(JsonColumns.read(JsonColumns.write(advice), CoachAdvice.class))
                .isEqualTo(advice);
    }
}
