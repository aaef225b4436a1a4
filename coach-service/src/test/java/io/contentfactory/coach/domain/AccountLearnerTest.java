package io.contentfactory.coach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.ModelUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The account learner on synthetic accounts whose taste and best hours are known. */
class AccountLearnerTest {

    private static final int P = LearningFeatures.NAMES.size();
    private static final int HOOK = LearningFeatures.NAMES.indexOf("hook");
    private static final ContentEffects.Prior WIDE = new ContentEffects.Prior(new double[P], 1.0);

    /** An account whose posts do better by {@code hookEffect} per unit of hook and by 0.8 in the evening (18–21h). */
    private static List<AccountLearner.MeasuredPost> account(
            Random random, int posts, double hookEffect, double noise) {
        return account(random, posts, hookEffect, 0.8, noise);
    }

    private static List<AccountLearner.MeasuredPost> account(
            Random random, int posts, double hookEffect, double eveningEffect, double noise) {
        List<AccountLearner.MeasuredPost> measured = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            double[] x = new double[P];
            x[0] = 1;
            for (int j = 1; j < P; j++) {
                x[j] = random.nextDouble();
            }
            int slot = random.nextInt(AccountLearner.SLOTS);
            int hour = slot % 24;
            double evening = hour >= 18 && hour <= 21 ? eveningEffect : 0;
            double outcome = hookEffect * (x[HOOK] - 0.5) + evening - 0.13 + noise * random.nextGaussian();
            double defaultScore = 50 + 10 * random.nextGaussian();
            measured.add(new AccountLearner.MeasuredPost(x, slot, outcome, defaultScore));
        }
        return measured;
    }

    private static AccountModel learn(List<AccountLearner.MeasuredPost> posts) {
        return AccountLearner.learn(1, posts, WIDE, 0.25, "7d", "UTC", Instant.EPOCH);
    }

    @Test
    void threeHundredPostsGiveBackTheHookAndTheEveningAndRankHeldOutPostsBetterThanTheDefaults() {
        AccountModel model = learn(account(new Random(1), 300, 1.2, 0.3));

        ModelUpdated.Effect hook = model.effects().get(HOOK);
        assertThat(hook.mean()).isCloseTo(1.2, within(0.2));
        assertThat(hook.low()).isPositive();
        assertThat(model.found())
                .extracting(ModelUpdated.Effect::feature)
                .first()
                .isEqualTo("hook");
        assertThat(model.bestSlots(1).getFirst() % 24)
                .as("the best hour is an evening one")
                .isBetween(18, 21);
        double evening = model.slots().get(19).mean() - model.slots().get(10).mean();
        assertThat(evening).isCloseTo(0.8, within(0.2));
        assertThat(model.slots().stream()
                        .mapToDouble(ModelUpdated.SlotEffect::mean)
                        .average()
                        .orElseThrow())
                .isCloseTo(0, within(1e-9));
        assertThat(model.validation().heldOut()).isEqualTo(60);
        assertThat(model.validation().learnedSpearman()).isGreaterThan(0.5);
        assertThat(model.validation().learnedSpearman() - model.validation().defaultSpearman())
                .isGreaterThan(0.3);
        assertThat(model.validation().brier()).isLessThan(0.2);
        assertThat(model.outcomeQuantiles()).hasSize(21).isSorted();
    }

    @Test
    void anAccountWithNoSignalGetsNoFoundEffectsAndFlatUncertainHours() {
        int falseFindings = 0;
        int slotsApart = 0;
        for (int seed = 0; seed < 40; seed++) {
            AccountModel model = learn(account(new Random(100 + seed), 120, 0, 0, 0.5));
            falseFindings += model.found().size();
            slotsApart += (int) model.slots().stream()
                    .filter(slot -> Math.abs(slot.mean()) > 1.96 * slot.sd())
                    .count();
        }
        // 40 accounts × 11 content effects at 95 %: about 22 false findings expected by chance alone.
        assertThat(falseFindings).isLessThan(40);
        assertThat(slotsApart).as("hours set apart from the average by chance").isLessThan(40 * 168 / 10);
    }

    @Test
    void aHandfulOfPostsStaysAtThePriorWithItsUncertaintyAndClaimsNothing() {
        AccountModel model = learn(account(new Random(3), 5, 1.2, 0.3));

        assertThat(model.found()).isEmpty();
        assertThat(model.validation()).as("too few posts to hold any out").isNull();
        ModelUpdated.Effect hook = model.effects().get(HOOK);
        assertThat(hook.high() - hook.low())
                .as("nearly the prior's own 95 % width")
                .isGreaterThan(3.0);
    }

    @Test
    void thePooledPriorCentresOnTheOtherAccountsAndNeverShrinksBelowTheFloor() {
        List<AccountModel> others = List.of(
                learn(account(new Random(4), 200, 1.0, 0.3)),
                learn(account(new Random(5), 200, 1.4, 0.3)),
                learn(account(new Random(6), 200, 1.2, 0.3)));

        ContentEffects.Prior pooled = PooledPrior.of(others, WIDE, 0.05);

        assertThat(pooled.mean()[HOOK]).isCloseTo(1.2, within(0.25));
        assertThat(java.util.Arrays.stream(pooled.variance()).boxed().toList())
                .allSatisfy(v -> assertThat(v).isBetween(0.05, 1.0));
        assertThat(PooledPrior.of(others.subList(0, 1), WIDE, 0.05)).isSameAs(WIDE);
    }
}
