package io.contentfactory.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.events.PatternImported;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatternOverlapTest {

    private static final PatternOverlap.MediaShape COLD_BREW =
            new PatternOverlap.MediaShape(Set.of("cold", "brew", "coffee", "ratio", "home"), 30.0, "face_cam");

    @Test
    void thePatternWhoseHookTheItemSharesMostComesFirstWithItsReason() {
        PatternImported.Pattern close = pattern("Cold brew at home in 30 seconds", 28, "face_cam");
        PatternImported.Pattern loose = pattern("Why your coffee tastes burnt", 60, "broll_text");
        PatternImported.Pattern none = pattern("I bought the viral blender", 30, "face_cam");

        List<PatternOverlap.Match> matches = PatternOverlap.of(List.of(loose, none, close), COLD_BREW);

        assertThat(matches)
                .extracting(PatternOverlap.Match::patternId)
                .containsExactly(close.patternId(), loose.patternId());
        PatternOverlap.Match best = matches.getFirst();
        assertThat(best.sharedWords()).containsExactly("brew", "cold", "home");
        assertThat(best.similarity()).isGreaterThan(matches.get(1).similarity());
        assertThat(best.reason())
                .isEqualTo("resembles pattern \"Cold brew at home in 30 seconds\" 83% (shares brew, cold, home,"
                        + " 30 s against its 28 s, same format face_cam)")
                .doesNotContain("; ");
    }

    @Test
    void aSharedShapeWithoutASharedWordIsNoResemblance() {
        assertThat(PatternOverlap.of(List.of(pattern("I bought the viral blender", 30, "face_cam")), COLD_BREW))
                .isEmpty();
    }

    @Test
    void theContributionIsTheWeightTimesTheClosestSimilarityAndSaysWhenThereIsNothingToCompare() {
        List<PatternOverlap.Match> matches =
                PatternOverlap.of(List.of(pattern("Cold brew at home in 30 seconds", 28, "face_cam")), COLD_BREW);
        assertThat(PatternOverlap.contribution(matches, 1, 0).points()).isZero();
        assertThat(PatternOverlap.contribution(matches, 1, 10).points())
                .isEqualTo(10 * matches.getFirst().similarity());
        assertThat(PatternOverlap.contribution(List.of(), 0, 0).reason())
                .isEqualTo("no top-performer patterns imported to compare with");
        assertThat(PatternOverlap.contribution(List.of(), 4, 0).reason())
                .isEqualTo("resembles none of 4 imported patterns");
    }

    @Test
    void theFormatFollowsFacesTextAndSpeech() {
        assertThat(PatternOverlap.formatOf(null, 1, 0, 0, 0, 0)).isEqualTo("carousel");
        assertThat(PatternOverlap.formatOf(20.0, 10, 8, 1, 0, 0.7)).isEqualTo("face_cam");
        assertThat(PatternOverlap.formatOf(20.0, 10, 8, 2, 0, 0.7)).isEqualTo("faces_video");
        assertThat(PatternOverlap.formatOf(20.0, 10, 0, 0, 5, 0.8)).isEqualTo("explainer");
        assertThat(PatternOverlap.formatOf(20.0, 10, 0, 0, 5, 0.1)).isEqualTo("broll_text");
    }

    private static PatternImported.Pattern pattern(String hook, Integer lengthSec, String format) {
        return new PatternImported.Pattern(UUID.randomUUID(), hook, null, lengthSec, format, "coffee", "tutorial");
    }
}
