package io.contentfactory.studio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    private static final GenerationModel CHEAP = video("cheap/t2v", QualityTier.DRAFT, "0.02", List.of(5), "9:16");
    private static final GenerationModel MID = video("mid/t2v", QualityTier.STANDARD, "0.10", List.of(5, 10), "9:16");
    private static final GenerationModel TOP = video("top/t2v", QualityTier.PREMIUM, "0.50", List.of(8), "9:16");
    private static final GenerationModel WIDE = video("wide/t2v", QualityTier.PREMIUM, "0.01", List.of(5), "16:9");
    private static final GenerationModel STILL = new GenerationModel(
            "still/t2i",
            ModelProvider.GEMINI,
            ModelKind.TEXT_TO_IMAGE,
            List.of(),
            List.of("9:16"),
            new BigDecimal("0.04"),
            QualityTier.STANDARD);

    private final ModelChoice choice = new ModelChoice(List.of(CHEAP, MID, TOP, WIDE, STILL));

    @Test
    void withoutACapTheBestTierThatFitsIsChosen() {
        ModelChoice.Chosen chosen = chosen(choice.choose(clip(0, 4), "9:16", null, BigDecimal.ZERO, Set.of()));
        assertThat(chosen.model()).isEqualTo(TOP);
        assertThat(chosen.cost()).isEqualByComparingTo("4.00");
        assertThat(chosen.reason())
                .contains(
                        "3 models make a video of 4 s at 9:16", "no budget cap", "premium", "8 s clip, trimmed to 4 s");
    }

    @Test
    void aShotLongerThanEveryClipOfAModelRulesTheModelOut() {
        ModelChoice.Chosen chosen = chosen(choice.choose(clip(0, 9), "9:16", null, BigDecimal.ZERO, Set.of()));
        assertThat(chosen.model()).isEqualTo(MID);
        assertThat(chosen.cost()).isEqualByComparingTo("1.00");
    }

    @Test
    void theBudgetComesBeforeQualityAndKeepsEnoughForTheLaterShots() {
        List<Shot> shots = List.of(clip(0, 5), clip(1, 5), clip(2, 5));
        // 5 s shots: top 4.00, mid 0.50, cheap 0.10. With 1.50: the first shot may spend 1.50 - 0.20 (two cheap later).
        List<ModelChoice.Pick> picks = choice.plan(shots, "9:16", new BigDecimal("1.50"));
        assertThat(picks).allMatch(p -> p instanceof ModelChoice.Chosen);
        assertThat(picks.stream().map(p -> ((ModelChoice.Chosen) p).model()).toList())
                .containsExactly(MID, MID, MID);
        assertThat(((ModelChoice.Chosen) picks.getFirst()).reason())
                .contains("$1.30 may go to this shot", "too little for premium top/t2v at $4.00");

        List<ModelChoice.Pick> tight = choice.plan(shots, "9:16", new BigDecimal("0.70"));
        assertThat(tight.stream().map(p -> ((ModelChoice.Chosen) p).model()).toList())
                .as("the first shot takes the better model only while the others can still be paid")
                .containsExactly(MID, CHEAP, CHEAP);
    }

    @Test
    void tooLittleBudgetForEvenTheCheapestFitIsABudgetRefusal() {
        ModelChoice.Pick pick = choice.choose(clip(0, 5), "9:16", new BigDecimal("0.05"), BigDecimal.ZERO, Set.of());
        assertThat(pick).isInstanceOfSatisfying(ModelChoice.Unavailable.class, u -> {
            assertThat(u.code()).isEqualTo("budget_exceeded");
            assertThat(u.reason()).contains("cheap/t2v", "$0.10");
        });
    }

    @Test
    void aRetryMovesToTheNextModelThatFitsAndEndsWhenNoneIsLeft() {
        Shot shot = clip(0, 5);
        assertThat(chosen(choice.choose(shot, "9:16", null, BigDecimal.ZERO, Set.of("top/t2v")))
                        .model())
                .isEqualTo(MID);
        assertThat(chosen(choice.choose(shot, "9:16", null, BigDecimal.ZERO, Set.of("top/t2v", "mid/t2v")))
                        .model())
                .isEqualTo(CHEAP);
        ModelChoice.Chosen cropped =
                chosen(choice.choose(shot, "9:16", null, BigDecimal.ZERO, Set.of("top/t2v", "mid/t2v", "cheap/t2v")));
        assertThat(cropped.model()).as("with no 9:16 model left, one to crop").isEqualTo(WIDE);
        assertThat(cropped.reason()).contains("cropped");
        ModelChoice.Pick none = choice.choose(
                shot, "9:16", null, BigDecimal.ZERO, Set.of("top/t2v", "mid/t2v", "cheap/t2v", "wide/t2v"));
        assertThat(none).isInstanceOfSatisfying(ModelChoice.Unavailable.class, u -> {
            assertThat(u.code()).isEqualTo("no_model_fits");
            assertThat(u.reason()).contains("left untried");
        });
    }

    @Test
    void aModelOfAnotherAspectIsUsedOnlyWhenNoneMakesTheTargetAndTheReasonSaysItIsCropped() {
        ModelChoice.Chosen square = chosen(choice.choose(clip(0, 5), "1:1", null, BigDecimal.ZERO, Set.of()));
        assertThat(square.reason()).contains("none natively: cropped from");
        ModelChoice.Chosen vertical = chosen(choice.choose(clip(0, 5), "9:16", null, BigDecimal.ZERO, Set.of()));
        assertThat(vertical.model())
                .as("the cheap premium 16:9 model is not used for 9:16")
                .isNotEqualTo(WIDE);
    }

    @Test
    void aStillIsMadeByAnImageModelAndCostsOneImage() {
        Shot still = new Shot(0, 0, ShotMedium.IMAGE, "a desk", "Hook", "a desk.");
        ModelChoice.Chosen chosen = chosen(choice.choose(still, "9:16", null, BigDecimal.ZERO, Set.of()));
        assertThat(chosen.model()).isEqualTo(STILL);
        assertThat(chosen.cost()).isEqualByComparingTo("0.04");
    }

    @Test
    void theDefaultCatalogHasFifteenVideoModelsFromFalAndReplicateAndGeminiImages() throws IOException {
        ModelCatalog catalog;
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/generation-models.json")) {
            catalog = ModelCatalog.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(catalog.models().stream()
                        .filter(m -> m.kind().makesVideo())
                        .filter(m -> m.provider() != ModelProvider.GEMINI))
                .hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.models())
                .extracting(GenerationModel::provider)
                .contains(ModelProvider.GEMINI, ModelProvider.FAL, ModelProvider.REPLICATE);
        assertThat(catalog.byId("fal-ai/kling-video/v2.1/master/text-to-video")).isPresent();
        // Every shot of a default 15 s reel finds a model at each of the usual aspects.
        for (String aspect : List.of("9:16", "1:1", "16:9", "4:5")) {
            assertThat(catalog.choice().plan(List.of(clip(0, 3), clip(1, 9), clip(2, 3)), aspect, null))
                    .allMatch(p -> p instanceof ModelChoice.Chosen);
        }
    }

    private static ModelChoice.Chosen chosen(ModelChoice.Pick pick) {
        assertThat(pick).isInstanceOf(ModelChoice.Chosen.class);
        return (ModelChoice.Chosen) pick;
    }

    private static Shot clip(int index, double seconds) {
        return new Shot(index, seconds, ShotMedium.VIDEO, "a city at night", null, "a city at night.");
    }

    private static GenerationModel video(
            String id, QualityTier tier, String price, List<Integer> durations, String aspect) {
        return new GenerationModel(
                id,
                ModelProvider.FAL,
                ModelKind.TEXT_TO_VIDEO,
                durations,
                List.of(aspect),
                new BigDecimal(price),
                tier);
    }
}
