package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.ModelUpdated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learner against simulated accounts whose taste it cannot see: an estimator-level simulation, not the issue's
 * benchmark through the services and the sandbox (not built yet). Five accounts, each with hidden content effects and
 * its own hour-of-week curve; posts with random features at random hours, their outcome ln(views ÷ median) drawn
 * from the hidden taste plus noise. Reports, per account: Spearman's ρ of predicted and realised outcomes on 200
 * held-out posts for the learned model and the default pre-social score, at 30, 60, 120 and 300 posts; the Brier score
 * and reliability table of "beats the median" at 300; the hour uplift of the learned means, a Thompson policy and the
 * oracle over flat hours; and what exploring costs against greedy while learning. Asserts nothing; the targets are
 * compared in docs/learning.md. Run with {@code ./mvnw -Pbench -pl coach-service test -Dtest=LearningBench}.
 */
class LearningBench {

    private static final int P = LearningFeatures.NAMES.size();
    private static final double NOISE = 0.5;
    private static final int[] CURVE = {30, 60, 120, 300};
    private static final int HELD_OUT = 200;
    /** The default pre-social weights of the features, as analysis-service's ScoreWeights.DEFAULTS. */
    private static final double[] DEFAULT_WEIGHTS = {0, 20, 10, 10, 15, 15, 15, 10, 5, 0, 0, 0};

    /** An account's hidden taste: an effect per feature, and a daily peak hour with its height, weekends apart. */
    private record Taste(String name, double[] effects, int peakHour, double peakHeight, double weekend) {

        double hour(int hourOfWeek) {
            int hour = hourOfWeek % 24;
            int distance = Math.min(Math.abs(hour - peakHour), 24 - Math.abs(hour - peakHour));
            double day = hourOfWeek / 24 >= 5 ? weekend : 0;
            return peakHeight * Math.exp(-distance * distance / 8.0) + day;
        }

        double outcome(double[] x, int hourOfWeek, Random random) {
            double y = 0;
            for (int j = 0; j < P; j++) {
                y += effects[j] * x[j];
            }
            return y + hour(hourOfWeek) + NOISE * random.nextGaussian();
        }
    }

    private static Taste taste(String name, int peak, double height, double weekend, double... effects) {
        double[] all = new double[P];
        for (int i = 0; i < effects.length; i += 2) {
            all[(int) effects[i]] = effects[i + 1];
        }
        return new Taste(name, all, peak, height, weekend);
    }

    private static final int HOOK = 1;
    private static final int PACING = 2;
    private static final int TEXT = 8;
    private static final int FACES = 9;
    private static final int VIDEO = 11;

    private static final List<Taste> ACCOUNTS = List.of(
            taste("hook-lovers", 18, 0.8, 0, HOOK, 1.2, FACES, 0.3),
            taste("text-haters", 12, 0.6, 0.2, TEXT, -0.9, PACING, 0.5),
            taste("face-first", 20, 1.0, -0.2, FACES, 1.0, HOOK, 0.4),
            taste("video-only", 8, 0.5, 0.3, VIDEO, 0.8, TEXT, 0.4),
            taste("subtle", 21, 0.4, 0, HOOK, 0.3, FACES, -0.3, PACING, 0.3));

    private record Post(double[] x, int hourOfWeek, double outcome, double defaultScore) {}

    private static Post post(Taste taste, Random random, int hourOfWeek) {
        double[] x = new double[P];
        x[0] = 1;
        for (int j = 1; j < P; j++) {
            x[j] = j == VIDEO ? (random.nextBoolean() ? 1 : 0) : random.nextDouble();
        }
        double score = 0;
        for (int j = 0; j < P; j++) {
            score += DEFAULT_WEIGHTS[j] * x[j];
        }
        return new Post(x, hourOfWeek, taste.outcome(x, hourOfWeek, random), score);
    }

    private static AccountModel learn(List<Post> posts) {
        double median = median(posts.stream().mapToDouble(Post::outcome).toArray());
        List<AccountLearner.MeasuredPost> measured = posts.stream()
                .map(p ->
                        new AccountLearner.MeasuredPost(p.x(), p.hourOfWeek(), p.outcome() - median, p.defaultScore()))
                .toList();
        return AccountLearner.learn(
                1, measured, new ContentEffects.Prior(new double[P], 1.0), 0.25, "7d", "UTC", Instant.EPOCH);
    }

    @Test
    void fiveAccountsWithHiddenTaste() {
        StringBuilder report = new StringBuilder();
        report.append("LearningBench: 5 simulated accounts, noise sd ")
                .append(NOISE)
                .append(", ")
                .append(HELD_OUT)
                .append(" held-out posts each\n\n");
        report.append("Ranking (Spearman rho, held out): learned / default\n");
        report.append(String.format(Locale.ROOT, "%-12s", "account"));
        for (int n : CURVE) {
            report.append(String.format(Locale.ROOT, "%18s", n + " posts"));
        }
        report.append('\n');
        int[] bins = new int[10];
        double[] predictedSum = new double[10];
        double[] beatSum = new double[10];
        double brierSum = 0;
        int brierCount = 0;
        List<String> timing = new ArrayList<>();
        double[][] learnedRho = new double[ACCOUNTS.size()][CURVE.length];
        double[][] defaultRho = new double[ACCOUNTS.size()][CURVE.length];
        for (int a = 0; a < ACCOUNTS.size(); a++) {
            Taste taste = ACCOUNTS.get(a);
            Random random = new Random(1000 + a);
            List<Post> history = new ArrayList<>();
            for (int i = 0; i < CURVE[CURVE.length - 1]; i++) {
                history.add(post(taste, random, random.nextInt(AccountLearner.SLOTS)));
            }
            List<Post> heldOut = new ArrayList<>();
            for (int i = 0; i < HELD_OUT; i++) {
                heldOut.add(post(taste, random, random.nextInt(AccountLearner.SLOTS)));
            }
            report.append(String.format(Locale.ROOT, "%-12s", taste.name()));
            AccountModel full = null;
            for (int n : CURVE) {
                List<Post> seen = history.subList(0, n);
                AccountModel model = learn(seen);
                double median = median(seen.stream().mapToDouble(Post::outcome).toArray());
                double[] predicted = new double[HELD_OUT];
                double[] realised = new double[HELD_OUT];
                double[] defaults = new double[HELD_OUT];
                for (int i = 0; i < HELD_OUT; i++) {
                    Post post = heldOut.get(i);
                    predicted[i] = predict(model, post);
                    realised[i] = post.outcome() - median;
                    defaults[i] = post.defaultScore();
                }
                int point = Arrays.binarySearch(CURVE, n);
                learnedRho[a][point] = AccountLearner.spearman(predicted, realised);
                defaultRho[a][point] = AccountLearner.spearman(defaults, realised);
                report.append(String.format(
                        Locale.ROOT,
                        "%18s",
                        String.format(Locale.ROOT, "%.2f / %.2f", learnedRho[a][point], defaultRho[a][point])));
                full = model;
                if (n == CURVE[CURVE.length - 1]) {
                    for (Post post : heldOut) {
                        double chance = beats(model, post);
                        double beat = post.outcome() - median > 0 ? 1 : 0;
                        int bin = Math.min(9, (int) (chance * 10));
                        bins[bin]++;
                        predictedSum[bin] += chance;
                        beatSum[bin] += beat;
                        brierSum += (chance - beat) * (chance - beat);
                        brierCount++;
                    }
                }
            }
            report.append('\n');
            timing.add(timing(taste, full, new Random(2000 + a)));
        }
        report.append(String.format(Locale.ROOT, "%nCalibration at 300 posts: Brier %.3f%n", brierSum / brierCount));
        report.append("predicted P(beats median)   posts   mean predicted   observed\n");
        for (int bin = 0; bin < 10; bin++) {
            if (bins[bin] > 0) {
                report.append(String.format(
                        Locale.ROOT,
                        "%.1f-%.1f %22d %16.2f %10.2f%n",
                        bin / 10.0,
                        (bin + 1) / 10.0,
                        bins[bin],
                        predictedSum[bin] / bins[bin],
                        beatSum[bin] / bins[bin]));
            }
        }
        report.append("\nTiming at 300 posts (mean true hour effect of the chosen hour, one post a day for 365 days,"
                + " against flat = a random hour): learned means, Thompson (share 0.2), oracle; learned as a share of"
                + " the oracle's uplift. Exploration while learning (300 posts from scratch, refit every 5): regret"
                + " against the oracle, greedy vs Thompson, and the learned share of the oracle's uplift after.\n");
        timing.forEach(line -> report.append(line).append('\n'));
        System.out.println(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/learning-bench.txt"), report.toString());
            plot(learnedRho, defaultRho, Path.of("target/learning-curves.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The learning curves: each account's held-out ρ by posts seen, learned (solid) against the defaults (dashed). */
    private static void plot(double[][] learned, double[][] defaults, Path png) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(520)
                .title("Ranking on held-out posts: learned (solid) vs default weights (dashed)")
                .xAxisTitle("posts the model rests on")
                .yAxisTitle("Spearman rho, predicted vs realised outcome")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(-0.2);
        chart.getStyler().setYAxisMax(1.0);
        double[] x = Arrays.stream(CURVE).asDoubleStream().toArray();
        for (int a = 0; a < ACCOUNTS.size(); a++) {
            java.awt.Color colour = chart.getStyler().getSeriesColors()[a];
            String name = ACCOUNTS.get(a).name();
            XYSeries solid = chart.addSeries(name + " learned", x, learned[a]);
            solid.setLineColor(colour);
            solid.setMarkerColor(colour);
            solid.setMarker(SeriesMarkers.CIRCLE);
            XYSeries dashed = chart.addSeries(name + " defaults", x, defaults[a]);
            dashed.setLineColor(colour);
            dashed.setMarkerColor(colour);
            dashed.setMarker(SeriesMarkers.NONE);
            dashed.setLineStyle(SeriesLines.DASH_DASH);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String timing(Taste taste, AccountModel model, Random random) {
        double flat = 0;
        double learned = 0;
        double thompson = 0;
        double oracle = 0;
        for (int day = 0; day < 365; day++) {
            int weekday = day % 7;
            flat += taste.hour(weekday * 24 + random.nextInt(24));
            learned += taste.hour(weekday * 24 + bestHour(model, weekday, null));
            thompson += taste.hour(weekday * 24
                    + (random.nextDouble() < 0.2 ? bestHour(model, weekday, random) : bestHour(model, weekday, null)));
            int best = 0;
            for (int hour = 1; hour < 24; hour++) {
                if (taste.hour(weekday * 24 + hour) > taste.hour(weekday * 24 + best)) {
                    best = hour;
                }
            }
            oracle += taste.hour(weekday * 24 + best);
        }
        double[] greedy = sequential(taste, new Random(random.nextLong()), 0);
        double[] exploring = sequential(taste, new Random(random.nextLong()), 0.2);
        return String.format(
                Locale.ROOT,
                "%-12s flat %+.2f  learned %+.2f  thompson %+.2f  oracle %+.2f  share %3.0f%% |"
                        + " regret greedy %.1f thompson %.1f, share after: greedy %3.0f%% thompson %3.0f%%",
                taste.name(),
                flat / 365,
                learned / 365,
                thompson / 365,
                oracle / 365,
                100 * (learned - flat) / (oracle - flat),
                greedy[0],
                exploring[0],
                100 * greedy[1],
                100 * exploring[1]);
    }

    /**
     * 300 posts from scratch, each at the hour a policy picks among the day's 24: greedy on the learned means, or a
     * Thompson draw for {@code share} of them; refit every 5. Answers the summed regret against the oracle, and the
     * final model's share of the oracle's uplift over a random hour.
     */
    private static double[] sequential(Taste taste, Random random, double share) {
        List<Post> posts = new ArrayList<>();
        AccountModel model = null;
        double regret = 0;
        for (int i = 0; i < 300; i++) {
            int weekday = i % 7;
            int hour;
            if (model == null) {
                hour = random.nextInt(24);
            } else {
                hour = bestHour(model, weekday, random.nextDouble() < share ? random : null);
            }
            double bestEffect = 0;
            for (int h = 0; h < 24; h++) {
                bestEffect = Math.max(bestEffect, taste.hour(weekday * 24 + h));
            }
            regret += bestEffect - taste.hour(weekday * 24 + hour);
            posts.add(post(taste, random, weekday * 24 + hour));
            if (posts.size() >= 10 && posts.size() % 5 == 0) {
                model = learn(posts);
            }
        }
        double flat = 0;
        double learned = 0;
        double oracle = 0;
        for (int weekday = 0; weekday < 7; weekday++) {
            double best = 0;
            for (int h = 0; h < 24; h++) {
                flat += taste.hour(weekday * 24 + h) / 24;
                best = Math.max(best, taste.hour(weekday * 24 + h));
            }
            learned += taste.hour(weekday * 24 + bestHour(model, weekday, null));
            oracle += best;
        }
        return new double[] {regret, (learned - flat) / (oracle - flat)};
    }

    /** The day's hour with the highest learned effect, or with the highest Thompson draw when {@code draw} is given. */
    private static int bestHour(AccountModel model, int weekday, Random draw) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int hour = 0; hour < 24; hour++) {
            ModelUpdated.SlotEffect slot = model.slots().get(weekday * 24 + hour);
            double value = draw == null ? slot.mean() : slot.mean() + slot.sd() * draw.nextGaussian();
            if (value > bestValue) {
                bestValue = value;
                best = hour;
            }
        }
        return best;
    }

    private static double predict(AccountModel model, Post post) {
        double y = 0;
        for (int j = 0; j < P; j++) {
            y += model.effects().get(j).mean() * post.x()[j];
        }
        return y + model.slots().get(post.hourOfWeek()).mean();
    }

    private static double beats(AccountModel model, Post post) {
        double mean = predict(model, post);
        double spread = 0;
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) {
                spread += post.x()[i] * model.covariance()[i][j] * post.x()[j];
            }
        }
        double sd = Math.sqrt(model.noiseVariance()
                + spread
                + Math.pow(model.slots().get(post.hourOfWeek()).sd(), 2));
        return new org.apache.commons.math3.distribution.NormalDistribution(0, 1).cumulativeProbability(mean / sd);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
