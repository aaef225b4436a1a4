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
import io.contentfactory.contracts.events.AnalysisFeatures;
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

    @Test
    void howTheCommentsReadAndWhatTheyTalkAboutAreCitedFromTheLatestSummary() {
        MetricsCollected early = CollectedMetrics.withComments(
                CollectedMetrics.reel(mediaId, targetId, "15m", 300, 10, 2, 0, 0, null, null, null),
                new MetricsCollected.CommentSummary(2, 0, 0, List.of()));
        MetricsCollected later = CollectedMetrics.withComments(
                CollectedMetrics.reel(mediaId, targetId, "24h", 3000, 90, 10, 5, 5, null, null, null),
                new MetricsCollected.CommentSummary(
                        3,
                        2,
                        5,
                        List.of(
                                new MetricsCollected.TopicCluster("price", 4, 0, 4),
                                new MetricsCollected.TopicCluster("cold brew", 2, 2, 0))));

        CoachSnapshot snapshot = snapshot(profile(50), early, later);
        CoachAdvice advice = CoachRules.advise(snapshot);

        assertThat(snapshot.entry("comments.instagram.negative").orElseThrow().value())
                .isEqualTo(5L);
        assertThat(snapshot.entry("comments.instagram.topic.cold_brew")
                        .orElseThrow()
                        .label())
                .isEqualTo("comments on instagram about \"cold brew\" (2 positive, 0 negative)");
        Statement pushback = advice.toImprove().stream()
                .filter(s -> s.text().startsWith("Comments on instagram push back: 5 of 10 read negative"))
                .findFirst()
                .orElseThrow();
        assertThat(pushback.evidence())
                .containsExactly(
                        "comments.instagram.positive", "comments.instagram.neutral", "comments.instagram.negative");
        assertThat(advice.worked()).noneMatch(s -> s.text().startsWith("Comments on instagram are warm"));
        assertThat(advice.nextActions())
                .filteredOn(action -> action.action().equals("follow_up_topic"))
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.why().text())
                            .startsWith("4 comments on instagram about \"price\" (0 positive, 4 negative)");
                    assertThat(action.why().evidence()).containsExactly("comments.instagram.topic.price");
                });
        assertThat(advice.nextActions()).extracting(NextAction::action).contains("answer_comments");
        assertThat(advice.citesOnly(snapshot)).isTrue();
    }

    @Test
    void warmCommentsWorkedAndTooFewSayNothing() {
        MetricsCollected warm = CollectedMetrics.withComments(
                CollectedMetrics.reel(mediaId, targetId, "24h", 1000, 50, 6, 5, 5, null, null, null),
                new MetricsCollected.CommentSummary(
                        5, 1, 0, List.of(new MetricsCollected.TopicCluster("ice", 2, 2, 0))));
        MetricsCollected few = CollectedMetrics.withComments(
                CollectedMetrics.reel(mediaId, targetId, "24h", 1000, 50, 4, 5, 5, null, null, null),
                new MetricsCollected.CommentSummary(
                        0, 0, 4, List.of(new MetricsCollected.TopicCluster("ice", 4, 0, 4))));

        CoachAdvice warmAdvice = CoachRules.advise(snapshot(null, warm));
        CoachAdvice fewAdvice = CoachRules.advise(snapshot(null, few));

        assertThat(warmAdvice.worked())
                .extracting(Statement::text)
                .contains("Comments on instagram are warm: 5 of 6 read positive.");
        assertThat(warmAdvice.nextActions()).extracting(NextAction::action).doesNotContain("follow_up_topic");
        assertThat(fewAdvice.toImprove()).noneMatch(s -> s.text().startsWith("Comments on"));
        assertThat(fewAdvice.nextActions()).extracting(NextAction::action).contains("follow_up_topic");
    }

    @Test
    void theClosestResembledPatternIsOneToFollowAndPaidOffWhenThePostScoredWell() {
        UUID close = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        MediaAnalyzed analyzed = CollectedMetrics.resembling(
                CollectedMetrics.video(mediaId, 50),
                new AnalysisFeatures.PatternMatch(far, 0.31, List.of("ice")),
                new AnalysisFeatures.PatternMatch(close, 0.72, List.of("cold", "brew")));
        MediaProfile resembling = new MediaProfile(mediaId, "video", analyzed.durationSec(), 50, analyzed.features());

        CoachSnapshot snapshot = CoachSnapshot.of(
                mediaId,
                resembling,
                List.of(CollectedMetrics.reel(mediaId, targetId, "24h", 3000, 90, 10, 5, 5, null, 72.0, 1000.0)),
                java.util.Map.of(close, "Stop paying for cold brew"));
        CoachAdvice advice = CoachRules.advise(snapshot);

        NextAction follow = advice.nextActions().stream()
                .filter(action -> action.action().equals("follow_pattern"))
                .findFirst()
                .orElseThrow();
        assertThat(follow.why().text())
                .startsWith("It resembles the imported top performer \"Stop paying for cold brew\" (shares cold, brew),"
                        + " similarity 0.72");
        assertThat(follow.why().evidence()).containsExactly("pattern." + close);
        assertThat(advice.worked())
                .filteredOn(s -> s.text().startsWith("Following a proven pattern paid off on instagram"))
                .singleElement()
                .satisfies(s -> assertThat(s.evidence())
                        .containsExactly("pattern." + close, "score.post_social.instagram.24h"));
        assertThat(snapshot.entry("pattern." + far).orElseThrow().label())
                .isEqualTo("resembles an imported top-performer pattern (shares ice)");
        assertThat(advice.citesOnly(snapshot)).isTrue();
    }
}
