package io.contentfactory.studio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShotPlannerTest {

    private static final Direction BRIEF = new Direction(
            "Stop scrolling: three desk fixes",
            List.of("Your desk is costing you hours."),
            List.of("Fix one: light from the side.", "Fix two: one screen at eye height.", "Fix three: cables away."),
            List.of("Follow for part two."),
            List.of("close-up of a cluttered desk", "a lamp turned toward the window"),
            List.of("Light from the side", "Eye height"));

    @Test
    void aReelHasAShotPerLineWithTheHookFirstAndTheCallToActionLast() {
        List<Shot> shots = ShotPlanner.plan(BRIEF, GenerationFormat.REEL, "9:16", 15, "bright, handheld");
        assertThat(shots).hasSize(5);
        assertThat(shots).extracting(Shot::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(shots.stream().mapToDouble(Shot::seconds).sum()).isEqualTo(15.0);
        assertThat(shots).allMatch(s -> s.seconds() >= 2 && s.medium() == ShotMedium.VIDEO);
        assertThat(shots.getFirst().onScreenText()).isEqualTo("Stop scrolling: three desk fixes");
        assertThat(shots.getLast().onScreenText()).isEqualTo("Follow for part two.");
        assertThat(shots.get(1).onScreenText()).isEqualTo("Light from the side");
        assertThat(shots.getFirst().visualDirection()).isEqualTo("close-up of a cluttered desk");
        assertThat(shots.get(2).visualDirection()).isEqualTo("Fix two: one screen at eye height.");
        assertThat(shots.getFirst().prompt())
                .startsWith("close-up of a cluttered desk. Style: bright, handheld. Vertical clip, 9:16 framing")
                .contains("no lettering");
    }

    @Test
    void aShortReelMergesTheMiddleLinesAndKeepsTheOpeningAndTheCallToAction() {
        List<Shot> shots = ShotPlanner.plan(BRIEF, GenerationFormat.REEL, "9:16", 6, null);
        assertThat(shots).hasSize(3);
        assertThat(shots.get(1).visualDirection()).isEqualTo("a lamp turned toward the window");
        assertThat(ShotPlanner.merged(BRIEF.lines(), 3, true))
                .containsExactly(
                        "Your desk is costing you hours.",
                        "Fix one: light from the side. Fix two: one screen at eye height. Fix three: cables away.",
                        "Follow for part two.");
        assertThat(shots.getLast().onScreenText()).isEqualTo("Follow for part two.");
        assertThat(shots.stream().mapToDouble(Shot::seconds).sum()).isEqualTo(6.0);
    }

    @Test
    void aFreePromptOpensWithItsFirstSentence() {
        Direction prompt = Direction.ofPrompt("Morning coffee in Lisbon. Steam over the cup! Tram passes by.");
        List<Shot> shots = ShotPlanner.plan(prompt, GenerationFormat.REEL, "9:16", 9, null);
        assertThat(shots).hasSize(3);
        assertThat(shots.getFirst().onScreenText()).isEqualTo("Morning coffee in Lisbon.");
        assertThat(shots).extracting(Shot::seconds).containsExactly(3.0, 3.0, 3.0);
        assertThat(shots.get(1).onScreenText()).isNull();
    }

    @Test
    void aLongReelWithFewLinesHoldsEachLineOverShotsNoLongerThanAModelsClip() {
        List<Shot> shots = ShotPlanner.plan(
                Direction.ofPrompt("A slow pan over a mountain lake at dawn."),
                GenerationFormat.REEL,
                "9:16",
                30,
                null);
        assertThat(shots).hasSize(4);
        assertThat(shots).allMatch(s -> s.seconds() <= 8);
        assertThat(shots.stream().mapToDouble(Shot::seconds).sum()).isEqualTo(30.0);
        assertThat(shots.get(1).visualDirection()).isEqualTo("A slow pan over a mountain lake at dawn, close-up");
        assertThat(shots.get(2).visualDirection()).isEqualTo("A slow pan over a mountain lake at dawn, wide shot");

        List<Shot> longest = ShotPlanner.plan(BRIEF, GenerationFormat.REEL, "9:16", 89.9, null);
        assertThat(longest).hasSize(12).allMatch(s -> s.seconds() >= 2 && s.seconds() <= 8);
        assertThat(longest.stream().mapToDouble(Shot::seconds).sum())
                .isCloseTo(89.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(longest.getFirst().seconds())
                .as("spare half seconds go to the later shots")
                .isLessThanOrEqualTo(longest.getLast().seconds());
    }

    @Test
    void aFeedImageIsOneStillAndACarouselOneStillPerLine() {
        List<Shot> image = ShotPlanner.plan(BRIEF, GenerationFormat.FEED_IMAGE, "4:5", 0, null);
        assertThat(image).singleElement().satisfies(s -> {
            assertThat(s.medium()).isEqualTo(ShotMedium.IMAGE);
            assertThat(s.onScreenText()).isEqualTo("Stop scrolling: three desk fixes");
            assertThat(s.prompt()).contains("Vertical image, 4:5 framing");
        });
        List<Shot> carousel = ShotPlanner.plan(BRIEF, GenerationFormat.CAROUSEL, "1:1", 0, null);
        assertThat(carousel).hasSize(5).allMatch(s -> s.medium() == ShotMedium.IMAGE);
        assertThat(carousel.getFirst().prompt()).contains("Square image");
        List<Shot> single = ShotPlanner.plan(Direction.ofPrompt("One idea"), GenerationFormat.CAROUSEL, "1:1", 0, null);
        assertThat(single).as("a carousel has at least two slides").hasSize(2);
    }

    @Test
    void aDirectionWithoutLinesIsRefused() {
        assertThatThrownBy(() -> ShotPlanner.plan(
                        new Direction(null, null, null, null, null, null), GenerationFormat.REEL, "9:16", 10, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
