package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.ModelUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Learns an account's model from its measured posts: one {@link ContentEffects} regression of the outcome on the
 * content features, the hour of the day (24 effects) and the day of the week (7), so that an hour is judged with the
 * content of its posts accounted for. The hour-of-week effect of a slot is its hour's plus its day's: 31 effects
 * instead of 168, which a few hundred posts can learn. The time effects' prior is centred on zero (flat hours); the
 * content effects' is the project's pooled prior.
 *
 * <p>Validation: the latest fifth of the posts (at least {@link #MIN_HELD_OUT}) is held out of a second fit on the
 * earlier ones, and the Spearman correlation of predicted and realised outcomes is reported for it and for the default
 * pre-social score, with the Brier score of "beats the account's median".
 */
public final class AccountLearner {

    static final int HOURS = 24;
    static final int DAYS = 7;
    public static final int SLOTS = HOURS * DAYS;
    static final int MIN_HELD_OUT = 5;
    /** Fewer posts than this leave no held-out set big enough to say anything. */
    static final int MIN_TO_VALIDATE = 20;

    private static final int CONTENT = LearningFeatures.NAMES.size();

    /**
     * One measured post.
     *
     * @param features     its {@link LearningFeatures} vector
     * @param hourOfWeek   when it went live, in the project's zone: 0 = Monday 00:00 ... 167
     * @param outcome      ln(its metric at the checkpoint ÷ the account's median)
     * @param defaultScore its pre-social score under the default weights
     */
    public record MeasuredPost(double[] features, int hourOfWeek, double outcome, double defaultScore) {

        public MeasuredPost {
            if (features.length != CONTENT) {
                throw new IllegalArgumentException("a post has " + CONTENT + " features, not " + features.length);
            }
            if (hourOfWeek < 0 || hourOfWeek >= SLOTS) {
                throw new IllegalArgumentException("an hour of the week is 0 to 167, not " + hourOfWeek);
            }
        }
    }

    private AccountLearner() {}

    /** The names of every effect the regression fits: the content features, then h00..h23, then d1..d7. */
    static List<String> effectNames() {
        List<String> names = new ArrayList<>(LearningFeatures.NAMES);
        for (int hour = 0; hour < HOURS; hour++) {
            names.add(String.format(java.util.Locale.ROOT, "h%02d", hour));
        }
        for (int day = 1; day <= DAYS; day++) {
            names.add("d" + day);
        }
        return names;
    }

    /**
     * Version {@code version} of the account's model from {@code posts}, oldest first.
     *
     * @param content       the prior of the content effects
     * @param slotVariance  the prior variance of each hour's and each day's effect
     */
    public static AccountModel learn(
            int version,
            List<MeasuredPost> posts,
            ContentEffects.Prior content,
            double slotVariance,
            String checkpoint,
            String timeZone,
            Instant at) {
        ContentEffects.Prior prior = withTime(content, slotVariance);
        ContentEffects fit = fit(prior, posts);
        double[] slotMeans = new double[SLOTS];
        double[] slotSds = new double[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            int h = CONTENT + slot % HOURS;
            int d = CONTENT + HOURS + slot / HOURS;
            slotMeans[slot] = fit.effects().get(h).mean() + fit.effects().get(d).mean();
            double[][] c = fit.covariance();
            slotSds[slot] = Math.sqrt(Math.max(0, c[h][h] + c[d][d] + 2 * c[h][d]));
        }
        double average = StatUtils.mean(slotMeans);
        List<ModelUpdated.Effect> effects = new ArrayList<>();
        for (int j = 0; j < CONTENT; j++) {
            ContentEffects.Effect effect = fit.effects().get(j);
            double shift = j == 0 ? average : 0;
            effects.add(new ModelUpdated.Effect(
                    effect.feature(), effect.mean() + shift, effect.low() + shift, effect.high() + shift));
        }
        List<ModelUpdated.SlotEffect> slots = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            slots.add(new ModelUpdated.SlotEffect(slotMeans[slot] - average, slotSds[slot]));
        }
        return new AccountModel(
                version,
                posts.size(),
                checkpoint,
                at,
                effects,
                contentBlock(fit.covariance()),
                fit.noiseVariance(),
                quantiles(posts),
                timeZone,
                slots,
                validation(prior, posts));
    }

    private static ContentEffects fit(ContentEffects.Prior prior, List<MeasuredPost> posts) {
        return ContentEffects.fit(
                effectNames(),
                prior,
                posts.stream()
                        .map(post -> new ContentEffects.Post(vector(post), post.outcome()))
                        .toList());
    }

    /** The post's content features followed by its hour-of-day and day-of-week indicators. */
    static double[] vector(MeasuredPost post) {
        double[] x = Arrays.copyOf(post.features(), CONTENT + HOURS + DAYS);
        x[CONTENT + post.hourOfWeek() % HOURS] = 1;
        x[CONTENT + HOURS + post.hourOfWeek() / HOURS] = 1;
        return x;
    }

    private static ContentEffects.Prior withTime(ContentEffects.Prior content, double slotVariance) {
        double[] mean = Arrays.copyOf(content.mean(), CONTENT + HOURS + DAYS);
        double[] variance = Arrays.copyOf(content.variance(), CONTENT + HOURS + DAYS);
        Arrays.fill(variance, CONTENT, variance.length, slotVariance);
        return new ContentEffects.Prior(mean, variance);
    }

    private static double[][] contentBlock(double[][] covariance) {
        double[][] block = new double[CONTENT][];
        for (int i = 0; i < CONTENT; i++) {
            block[i] = Arrays.copyOf(covariance[i], CONTENT);
        }
        return block;
    }

    private static List<Double> quantiles(List<MeasuredPost> posts) {
        double[] outcomes = posts.stream().mapToDouble(MeasuredPost::outcome).toArray();
        List<Double> quantiles = new ArrayList<>();
        if (outcomes.length == 0) {
            return quantiles;
        }
        Arrays.sort(outcomes);
        for (int step = 0; step <= 20; step++) {
            quantiles.add(quantile(outcomes, step / 20.0));
        }
        return quantiles;
    }

    /** The p-quantile of sorted values, interpolated between neighbours. */
    private static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    private static ModelUpdated.Validation validation(ContentEffects.Prior prior, List<MeasuredPost> posts) {
        if (posts.size() < MIN_TO_VALIDATE) {
            return null;
        }
        int heldOut = Math.max(MIN_HELD_OUT, Math.round(posts.size() * 0.2f));
        List<MeasuredPost> earlier = posts.subList(0, posts.size() - heldOut);
        List<MeasuredPost> later = posts.subList(posts.size() - heldOut, posts.size());
        ContentEffects fit = fit(prior, earlier);
        double[] predicted = new double[heldOut];
        double[] realised = new double[heldOut];
        double[] defaults = new double[heldOut];
        double brier = 0;
        for (int i = 0; i < heldOut; i++) {
            MeasuredPost post = later.get(i);
            ContentEffects.Prediction prediction = fit.predict(vector(post));
            predicted[i] = prediction.mean();
            realised[i] = post.outcome();
            defaults[i] = post.defaultScore();
            double beat = post.outcome() > 0 ? 1 : 0;
            brier += (prediction.beatsMedian() - beat) * (prediction.beatsMedian() - beat);
        }
        return new ModelUpdated.Validation(
                heldOut, spearman(predicted, realised), spearman(defaults, realised), brier / heldOut);
    }

    /** Spearman's rank correlation; 0 where one side does not vary (no ranking to compare). */
    public static double spearman(double[] a, double[] b) {
        double rho = new SpearmansCorrelation().correlation(a, b);
        return Double.isNaN(rho) ? 0 : rho;
    }
}
