package io.contentfactory.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachRules;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.FormatSuggestion;
import io.contentfactory.coach.domain.FormatType;
import io.contentfactory.coach.domain.MediaProfile;
import io.contentfactory.coach.domain.NextAction;
import io.contentfactory.coach.domain.Statement;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MetricsCollected;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoachRulesTest {

    private final UUID mediaId = UUID.randomUUID();
    private final UUID targetId = UUID.randomUUID();

    private MediaProfile profile(double preSocialScore) {
        MediaAnalyzed analyzed = CollectedMetrics.video(mediaId, preSocialScore);
        return new MediaProfile(mediaId, "video", analyzed.durationSec(), preSocialScore, analyzed.features());
    }

    private CoachSnapshot snapshot(MediaProfile profile, MetricsCollected... readings) {
        return CoachSnapshot.of(mediaId, profile, List.of(readings));
    }

    @Test
    void aPostFarAboveItsBaselineSaysSoCitingTheViewsAndTheMedian() {
        CoachSnapshot snapshot = snapshot(
                profile(40),
                CollectedMetrics.reel(mediaId, targetId, "15m", 300, 10, 1, 0, 0, null, null, 1000.0),
                CollectedMetrics.reel(mediaId, targetId, "24h", 3000, 200, 40, 45, 80, 14_000L, 75.0, 1000.0));

        CoachAdvice advice = CoachRules.advise(snapshot);

        assertThat(advice.citesOnly(snapshot)).isTrue();
        assertThat(advice.summary().text())
                .startsWith("Instagram at 24h: 3,000 views, 200% above the account's median")
                .contains("post-social score 75", "Predicted 40");
        assertThat(advice.summary().evidence())
                .contains(
                        "metric.instagram.24h.views",
                        "baseline.instagram.24h.views",
                        "score.post_social.instagram.24h",
                        "score.pre_social");
        assertThat(advice.worked())
                .extracting(Statement::text)
                .anyMatch(text -> text.contains("3,000 views, 200% above the account's median of 1,000"))
                .anyMatch(text -> text.contains("beat its prediction"))
                .anyMatch(text -> text.contains("70% of its 20 s watched"))
                .anyMatch(text -> text.startsWith("Saves are high"));
        Statement above = advice.worked().getFirst();
        assertThat(above.evidence()).containsExactly("metric.instagram.24h.views", "baseline.instagram.24h.views");
        assertThat(snapshot.entry("baseline.instagram.24h.views").orElseThrow().value())
                .isEqualTo(1000.0);
    }

    @Test
    void whatTheAnalysisFoundWeakBecomesAFixWithItsFeatureAsEvidence() {
        CoachSnapshot snapshot = snapshot(
                profile(70), CollectedMetrics.reel(mediaId, targetId, "24h", 400, 5, 0, 0, 0, 3_000L, 20.0, 1000.0));

        CoachAdvice advice = CoachRules.advise(snapshot);

        assertThat(advice.citesOnly(snapshot)).isTrue();
        assertThat(advice.toImprove())
                .extracting(Statement::text)
                .anyMatch(text -> text.contains("60% below the account's median"))
                .anyMatch(text -> text.startsWith("It fell short of its prediction"))
                .anyMatch(text -> text.startsWith("A weak opening: hook: little motion in the first 3 s"))
                .anyMatch(text -> text.startsWith("No on-screen text"))
                .anyMatch(text -> text.startsWith("Viewers on instagram left early: 15%"))
                .anyMatch(text -> text.startsWith("Few comments on instagram: 0 for 400 views"))
                .anyMatch(text -> text.startsWith("Slow pacing: 3 cuts a minute"));
        assertThat(advice.nextActions())
                .extracting(NextAction::action)
                .contains("strengthen_hook", "add_text_hook", "invite_comments", "shorten", "faster_cuts", "derive");
        assertThat(advice.toImprove().stream()
                        .filter(s -> s.text().startsWith("A weak opening"))
                        .findFirst()
                        .orElseThrow()
                        .evidence())
                .containsExactly("feature.hook");
    }

    @Test
    void theFormatsFollowWhatTheMediaHas() {
        CoachSnapshot snapshot = snapshot(
                profile(50), CollectedMetrics.reel(mediaId, targetId, "24h", 1000, 50, 20, 5, 5, null, null, null));

        List<FormatSuggestion> formats = CoachRules.advise(snapshot).formats();

        assertThat(formats)
                .extracting(FormatSuggestion::format)
                .containsExactly(FormatType.FACE_CAM, FormatType.BROLL_TEXT, FormatType.CAROUSEL);
        assertThat(formats.get(0).description().text()).contains("\"cold brew\"");
        assertThat(formats.get(0).description().evidence()).containsExactly("feature.faces_share", "feature.topics");
        assertThat(formats.get(2).description().text()).contains("cold brew, coffee ratio, ice");
    }

    @Test
    void withoutABaselineTheSummarySaysSoAndNoComparisonIsMade() {
        CoachSnapshot snapshot =
                snapshot(null, CollectedMetrics.reel(mediaId, targetId, "24h", 500, 20, 2, 1, 1, null, null, null));

        CoachAdvice advice = CoachRules.advise(snapshot);

        assertThat(advice.summary().text()).isEqualTo("Instagram at 24h: 500 views, no baseline yet.");
        assertThat(advice.summary().evidence()).containsExactly("metric.instagram.24h.views");
        assertThat(advice.worked()).noneMatch(s -> s.text().contains("median"));
        assertThat(advice.toImprove()).noneMatch(s -> s.text().contains("median"));
        assertThat(advice.citesOnly(snapshot)).isTrue();
    }

    @Test
    void statementsCitingNothingOrEvidenceAbsentFromTheSnapshotAreDropped() {
        CoachSnapshot snapshot = snapshot(
                profile(50), CollectedMetrics.reel(mediaId, targetId, "24h", 500, 20, 2, 1, 1, null, null, null));
        Statement summary = Statement.of("500 views.", "metric.instagram.24h.views");
        CoachAdvice invented = new CoachAdvice(
                summary,
                List.of(Statement.of("It went viral on TikTok.", "metric.tiktok.24h.views"), Statement.of("Nice.")),
                List.of(Statement.of("A weak opening.", "feature.hook")),
                List.of(new NextAction("derive", FormatType.CAROUSEL, Statement.of("Because.", "feature.mood"))),
                List.of());

        assertThat(invented.citesOnly(snapshot)).isFalse();
        CoachAdvice kept = invented.supportedBy(snapshot).orElseThrow();
        assertThat(kept.worked()).isEmpty();
        assertThat(kept.toImprove()).extracting(Statement::text).containsExactly("A weak opening.");
        assertThat(kept.nextActions()).isEmpty();
        assertThat(new CoachAdvice(Statement.of("Great.", "metric.x"), List.of(), List.of(), List.of(), List.of())
                        .supportedBy(snapshot))
                .as("no insight without a supported summary")
                .isEmpty();
    }

    @Test
    void aMediaItemKnownToNobodyHasNothingToSay() {
        CoachSnapshot empty = CoachSnapshot.of(mediaId, null, List.of());

        assertThat(CoachRules.advise(empty).supportedBy(empty)).isEmpty();
    }

    @Test
    void aSecondPostOnTheSamePlatformIsNamedApart() {
        UUID second = UUID.randomUUID();
        CoachSnapshot snapshot = snapshot(
                profile(50),
                CollectedMetrics.reel(mediaId, targetId, "24h", 500, 20, 2, 1, 1, null, null, null),
                CollectedMetrics.reel(mediaId, second, "7d", 900, 20, 2, 1, 1, null, null, null));

        assertThat(snapshot.has("metric.instagram.24h.views")).isTrue();
        assertThat(snapshot.entries().keySet()).anyMatch(id -> id.startsWith("metric.instagram_2."));
    }
}
