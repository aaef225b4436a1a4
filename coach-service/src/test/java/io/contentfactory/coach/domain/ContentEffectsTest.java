package io.contentfactory.coach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ContentEffectsTest {

    private static final List<String> FEATURES = List.of("intercept", "hook", "on_screen_text", "faces");
    /** Effects of no size, though each may well be a unit either way. */
    private static final ContentEffects.Prior WIDE = new ContentEffects.Prior(new double[] {0, 0, 0, 0}, 1.0);

    /** Posts with a random hook (0–1), text on screen or not, a random face share, and the outcome {@code truth} says. */
    private static List<ContentEffects.Post> posts(int count, long seed, ToDoubleFunction<double[]> truth) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ContentEffects.Post> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] x = {1, random.nextDouble(), random.nextBoolean() ? 1 : 0, random.nextDouble()};
            posts.add(new ContentEffects.Post(x, truth.applyAsDouble(x)));
        }
        return posts;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void threeHundredPostsRecoverTheEffectsTheyWereMadeWith() {
        SplittableRandom noise = new SplittableRandom(7);
        List<ContentEffects.Post> posts =
                posts(300, 1, x -> 0.2 * x[0] + 1.0 * x[1] - 0.6 * x[2] + 0.3 * gaussian(noise));

        ContentEffects fitted = ContentEffects.fit(FEATURES, WIDE, posts);

        assertThat(fitted.effects().get(1).mean()).isCloseTo(1.0, within(0.15));
        assertThat(fitted.effects().get(2).mean()).isCloseTo(-0.6, within(0.1));
        assertThat(fitted.effects().get(1).found()).isTrue();
        assertThat(fitted.effects().get(2).found()).isTrue();
        assertThat(fitted.effects().get(3).found()).as("faces do nothing here").isFalse();
        assertThat(fitted.noiseVariance()).isCloseTo(0.09, within(0.03));
        assertThat(fitted.posts()).isEqualTo(300);

        ContentEffects.Prediction strong = fitted.predict(new double[] {1, 0.95, 0, 0.5});
        ContentEffects.Prediction weak = fitted.predict(new double[] {1, 0.05, 1, 0.5});
        assertThat(strong.beatsMedian()).as("Φ(1.15 ÷ 0.3)").isGreaterThan(0.99);
        assertThat(weak.beatsMedian()).as("Φ(−0.35 ÷ 0.3)").isCloseTo(0.12, within(0.05));
        assertThat(strong.low()).isLessThan(strong.mean()).isGreaterThan(0.9);
        assertThat(strong.high()).isGreaterThan(strong.mean()).isLessThan(1.4);
    }

    @Test
    void outcomesUnrelatedToTheFeaturesYieldNoEffectBeyondTheIntervalsOwnErrorRate() {
        int datasets = 400;
        int found = 0;
        double largest = 0;
        for (int seed = 0; seed < datasets; seed++) {
            SplittableRandom noise = new SplittableRandom(1000 + seed);
            ContentEffects fitted = ContentEffects.fit(FEATURES, WIDE, posts(120, seed, x -> gaussian(noise)));
            for (ContentEffects.Effect effect : fitted.effects()) {
                found += effect.found() ? 1 : 0;
            }
            largest = Math.max(
                    largest, Math.abs(fitted.predict(new double[] {1, 1, 0, 1}).beatsMedian() - 0.5));
        }

        double falseFindings = (double) found / (datasets * FEATURES.size());
        assertThat(falseFindings)
                .as("95 %% intervals on pure noise leave out zero about 5 %% of the time, not more")
                .isBetween(0.02, 0.08);
        assertThat(largest)
                .as("no post is predicted to be much more likely than a coin to beat the median")
                .isLessThan(0.25);
    }

    @Test
    void aHandfulOfPostsLeavesTheEffectsAndTheirUncertaintyNearThePrior() {
        ContentEffects.Prior pooled = new ContentEffects.Prior(new double[] {0, 0.8, -0.3, 0.2}, 0.04);
        SplittableRandom noise = new SplittableRandom(13);
        List<ContentEffects.Post> five = posts(5, 3, x -> -0.8 * x[1] + 0.3 * x[2] + 0.4 * gaussian(noise));

        ContentEffects fitted = ContentEffects.fit(FEATURES, pooled, five);

        for (ContentEffects.Effect effect : fitted.effects()) {
            assertThat(effect.high() - effect.low())
                    .as("about the prior's own ±1.96 τ, never narrower than five posts allow: " + effect)
                    .isBetween(0.4, 2 * 1.96 * 0.2 + 0.01);
        }
        assertThat(Math.abs(fitted.effects().get(1).mean() - 0.8))
                .as("the hook's effect moves less than halfway from the prior (0.8) to the truth (−0.8)")
                .isLessThan(0.8);
        assertThat(Math.abs(fitted.effects().get(2).mean() + 0.3))
                .as("the text's effect moves less than halfway from the prior (−0.3) to the truth (0.3)")
                .isLessThan(0.3);
        ContentEffects learned = ContentEffects.fit(
                FEATURES, pooled, posts(300, 4, x -> -0.8 * x[1] + 0.3 * x[2] + 0.4 * gaussian(noise)));
        // The data's precision on the hook, 300 × var(U(0,1)) ÷ 0.4² ≈ 156, against the prior's 1 ÷ 0.2² = 25:
        // (156 × −0.8 + 25 × 0.8) ÷ 181 ≈ −0.58.
        assertThat(learned.effects().get(1).mean())
                .as("three hundred posts overrule the prior, weighed by precision")
                .isCloseTo(-0.58, within(0.12));
        assertThat(learned.effects().get(1).high()).isNegative();
    }
}
