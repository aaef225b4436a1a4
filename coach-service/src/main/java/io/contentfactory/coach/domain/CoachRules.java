package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.MetricsCollected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The deterministic coach: always available, no model needed. It judges each post target's latest collected
 * checkpoint against the account's baseline and the media's own prediction, reads the media's features for why, and
 * proposes formats from what the media has (faces, words, topics). Every statement it makes cites the snapshot
 * entries it rests on; a rule whose evidence is missing says nothing.
 *
 * <p>Thresholds: views at least 20 % above the baseline median worked, 20 % below it did not; a post-social score
 * 10 points from the prediction beat or missed it; a score part at 70 % of its points or more is a strength, under
 * 40 % a weakness; 60 % of the length watched on average held viewers, under 35 % lost them; saves at 2 % and
 * shares at 1 % of views are high; under 0.3 % comments per view (from 100 views) is few. From 5 comments, 60 %
 * positive is a warm reception and 30 % negative is pushback; a topic 3 comments share is worth a follow-up post. The
 * top-performer pattern the media resembles most is one to follow, and one that paid off when the post scored 60 or
 * more.
 */
public final class CoachRules {

    public static final String AUTHOR = "rules";

    private CoachRules() {}

    public static CoachAdvice advise(CoachSnapshot snapshot) {
        List<Statement> worked = new ArrayList<>();
        List<Statement> toImprove = new ArrayList<>();
        List<NextAction> actions = new ArrayList<>();
        for (CoachSnapshot.Reading reading : snapshot.latestPerTarget()) {
            againstBaseline(snapshot, reading, worked, toImprove);
            againstPrediction(snapshot, reading, worked, toImprove, actions);
            watched(snapshot, reading, worked, toImprove, actions);
            rate(snapshot, reading, "saves", 0.02, "Saves are high: %s of %s viewers kept it for later.")
                    .ifPresent(worked::add);
            rate(
                            snapshot,
                            reading,
                            "shares",
                            0.01,
                            "Shares are healthy: %s shares for %s views carried it past the" + " audience.")
                    .ifPresent(worked::add);
            fewComments(snapshot, reading).ifPresent(statement -> {
                toImprove.add(statement);
                actions.add(new NextAction("invite_comments", null, statement));
            });
            count(snapshot, reading, "follower_delta")
                    .filter(gained -> gained > 0)
                    .ifPresent(gained -> worked.add(Statement.of(
                            "It brought " + gained + " new followers on " + reading.target() + ".",
                            reading.prefix("metric") + ".follower_delta")));
            commentMood(snapshot, reading, worked, toImprove, actions);
            loudestTopic(snapshot, reading).ifPresent(actions::add);
        }
        resembledPattern(snapshot, worked, actions);
        learned(snapshot, worked, actions);
        hook(snapshot, worked, toImprove, actions);
        onScreenText(snapshot, toImprove, actions);
        pacing(snapshot, toImprove, actions);
        List<FormatSuggestion> formats = FormatMix.suggest(snapshot);
        formats.forEach(format -> actions.add(new NextAction("derive", format.format(), format.description())));
        return new CoachAdvice(summary(snapshot), worked, toImprove, actions, formats);
    }

    private static Statement summary(CoachSnapshot snapshot) {
        List<CoachSnapshot.Reading> latest = snapshot.latestPerTarget();
        if (latest.isEmpty()) {
            return snapshot.entry("score.pre_social")
                    .map(pre -> Statement.of(
                            "Not measured yet; the pre-social score predicts " + number(pre.value()) + ".", pre.id()))
                    .orElse(null);
        }
        List<String> parts = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (CoachSnapshot.Reading reading : latest) {
            MetricsCollected metrics = reading.metrics();
            String metric = metrics.views() != null ? "views" : "reach";
            Long actual = metrics.views() != null ? metrics.views() : metrics.reach();
            if (actual == null) {
                continue;
            }
            cited.add(reading.prefix("metric") + "." + metric);
            String part = String.format(
                    Locale.ROOT, "%s at %s: %,d %s", reading.target(), metrics.checkpoint(), actual, metric);
            Optional<Evidence> baseline = snapshot.entry(reading.prefix("baseline") + "." + metric);
            if (baseline.isPresent()) {
                cited.add(baseline.get().id());
                part += ", " + relation(actual, ((Number) baseline.get().value()).doubleValue())
                        + " the account's median";
            } else {
                part += ", no baseline yet";
            }
            Optional<Evidence> score = snapshot.entry(reading.prefix("score.post_social"));
            if (score.isPresent()) {
                cited.add(score.get().id());
                part += ", post-social score " + number(score.get().value());
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            return null;
        }
        String text = capitalized(String.join("; ", parts)) + ".";
        Optional<Evidence> pre = snapshot.entry("score.pre_social");
        if (pre.isPresent()) {
            cited.add(pre.get().id());
            text += " Predicted " + number(pre.get().value()) + " before posting.";
        }
        return new Statement(text, cited);
    }

    private static void againstBaseline(
            CoachSnapshot snapshot, CoachSnapshot.Reading reading, List<Statement> worked, List<Statement> toImprove) {
        MetricsCollected.AccountBaseline baseline = reading.metrics().baseline();
        if (baseline == null) {
            return;
        }
        String metricId = reading.prefix("metric") + "." + baseline.metric();
        String baselineId = reading.prefix("baseline") + "." + baseline.metric();
        Optional<Long> actual = count(snapshot, reading, baseline.metric());
        if (actual.isEmpty() || !snapshot.has(baselineId)) {
            return;
        }
        double ratio = actual.get() / Math.max(1.0, baseline.median());
        String text = String.format(
                Locale.ROOT,
                "%s at %s: %,d %s, %s the account's median of %,.0f over %d earlier posts.",
                capitalized(reading.target()),
                reading.metrics().checkpoint(),
                actual.get(),
                baseline.metric(),
                relation(actual.get(), baseline.median()),
                baseline.median(),
                baseline.posts());
        if (ratio >= 1.2) {
            worked.add(Statement.of(text, metricId, baselineId));
        } else if (ratio <= 0.8) {
            toImprove.add(Statement.of(text, metricId, baselineId));
        }
    }

    private static void againstPrediction(
            CoachSnapshot snapshot,
            CoachSnapshot.Reading reading,
            List<Statement> worked,
            List<Statement> toImprove,
            List<NextAction> actions) {
        Optional<Evidence> pre = snapshot.entry("score.pre_social");
        Optional<Evidence> post = snapshot.entry(reading.prefix("score.post_social"));
        if (pre.isEmpty() || post.isEmpty()) {
            return;
        }
        double predicted = ((Number) pre.get().value()).doubleValue();
        double actual = ((Number) post.get().value()).doubleValue();
        if (actual - predicted >= 10) {
            worked.add(Statement.of(
                    String.format(
                            Locale.ROOT,
                            "It beat its prediction on %s: post-social score %.0f against %.0f predicted.",
                            reading.target(),
                            actual,
                            predicted),
                    pre.get().id(),
                    post.get().id()));
        } else if (predicted - actual >= 10) {
            Statement missed = Statement.of(
                    String.format(
                            Locale.ROOT,
                            "It fell short of its prediction on %s: post-social score %.0f against %.0f predicted;"
                                    + " what the analysis rated did not carry this audience.",
                            reading.target(),
                            actual,
                            predicted),
                    pre.get().id(),
                    post.get().id());
            toImprove.add(missed);
        }
    }

    private static void watched(
            CoachSnapshot snapshot,
            CoachSnapshot.Reading reading,
            List<Statement> worked,
            List<Statement> toImprove,
            List<NextAction> actions) {
        Optional<Long> average = count(snapshot, reading, "avg_watch_time_ms");
        Optional<Evidence> length = snapshot.entry("feature.duration_sec");
        if (average.isEmpty() || length.isEmpty() || ((Number) length.get().value()).doubleValue() <= 0) {
            return;
        }
        double seconds = ((Number) length.get().value()).doubleValue();
        double share = Math.min(1.0, average.get() / 1000.0 / seconds);
        String averageId = reading.prefix("metric") + ".avg_watch_time_ms";
        if (share >= 0.6) {
            worked.add(Statement.of(
                    String.format(
                            Locale.ROOT,
                            "Viewers on %s stayed: %.0f%% of its %.0f s watched on average.",
                            reading.target(),
                            share * 100,
                            seconds),
                    averageId,
                    length.get().id()));
        } else if (share < 0.35) {
            Statement left = Statement.of(
                    String.format(
                            Locale.ROOT,
                            "Viewers on %s left early: %.0f%% of its %.0f s watched on average; cut it shorter or"
                                    + " bring the payoff forward.",
                            reading.target(),
                            share * 100,
                            seconds),
                    averageId,
                    length.get().id());
            toImprove.add(left);
            actions.add(new NextAction("shorten", null, left));
        }
    }

    private static Optional<Statement> rate(
            CoachSnapshot snapshot, CoachSnapshot.Reading reading, String metric, double threshold, String format) {
        Optional<Long> count = count(snapshot, reading, metric);
        Optional<Long> views = count(snapshot, reading, "views");
        if (count.isEmpty() || views.isEmpty() || views.get() == 0 || (double) count.get() / views.get() < threshold) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                String.format(
                                Locale.ROOT,
                                format,
                                String.format(Locale.ROOT, "%,d", count.get()),
                                String.format(Locale.ROOT, "%,d", views.get()))
                        + " (" + reading.target() + " at " + reading.metrics().checkpoint() + ")",
                reading.prefix("metric") + "." + metric,
                reading.prefix("metric") + ".views"));
    }

    private static Optional<Statement> fewComments(CoachSnapshot snapshot, CoachSnapshot.Reading reading) {
        Optional<Long> comments = count(snapshot, reading, "comments");
        Optional<Long> views = count(snapshot, reading, "views");
        if (comments.isEmpty() || views.isEmpty() || views.get() < 100 || comments.get() * 1000 >= views.get() * 3) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                String.format(
                        Locale.ROOT,
                        "Few comments on %s: %,d for %,d views; end on a question people can answer in a word.",
                        reading.target(),
                        comments.get(),
                        views.get()),
                reading.prefix("metric") + ".comments",
                reading.prefix("metric") + ".views"));
    }

    private static void commentMood(
            CoachSnapshot snapshot,
            CoachSnapshot.Reading reading,
            List<Statement> worked,
            List<Statement> toImprove,
            List<NextAction> actions) {
        String prefix = "comments." + reading.target() + ".";
        List<String> moods = List.of(prefix + "positive", prefix + "neutral", prefix + "negative");
        if (!moods.stream().allMatch(snapshot::has)) {
            return;
        }
        long positive = count(snapshot, moods.get(0)).orElse(0L);
        long negative = count(snapshot, moods.get(2)).orElse(0L);
        long total = positive + count(snapshot, moods.get(1)).orElse(0L) + negative;
        if (total < 5) {
            return;
        }
        if (positive >= 0.6 * total) {
            worked.add(new Statement(
                    String.format(
                            Locale.ROOT,
                            "Comments on %s are warm: %d of %d read positive.",
                            reading.target(),
                            positive,
                            total),
                    moods));
        }
        if (negative >= 0.3 * total) {
            Statement pushback = new Statement(
                    String.format(
                            Locale.ROOT,
                            "Comments on %s push back: %d of %d read negative; answer the concern they share in a"
                                    + " reply or a pinned comment before the next post.",
                            reading.target(),
                            negative,
                            total),
                    moods);
            toImprove.add(pushback);
            actions.add(new NextAction("answer_comments", null, pushback));
        }
    }

    private static Optional<NextAction> loudestTopic(CoachSnapshot snapshot, CoachSnapshot.Reading reading) {
        String prefix = "comments." + reading.target() + ".topic.";
        return snapshot.entries().values().stream()
                .filter(entry -> entry.id().startsWith(prefix))
                .max(Comparator.comparingLong(
                        entry -> count(snapshot, entry.id()).orElse(0L)))
                .filter(entry -> count(snapshot, entry.id()).orElse(0L) >= 3)
                .map(entry -> new NextAction(
                        "follow_up_topic",
                        null,
                        Statement.of(
                                number(entry.value()) + " " + entry.label()
                                        + ": a follow-up post that answers them meets a question people already"
                                        + " asked.",
                                entry.id())));
    }

    private static void resembledPattern(CoachSnapshot snapshot, List<Statement> worked, List<NextAction> actions) {
        Optional<Evidence> closest = snapshot.entries().values().stream()
                .filter(entry -> entry.kind() == Evidence.Kind.PATTERN && entry.value() instanceof Number)
                .max(Comparator.comparingDouble(entry -> ((Number) entry.value()).doubleValue()));
        if (closest.isEmpty()) {
            return;
        }
        Evidence pattern = closest.get();
        String resemblance = String.format(
                Locale.ROOT, "it %s, similarity %.2f", pattern.label(), ((Number) pattern.value()).doubleValue());
        actions.add(new NextAction(
                "follow_pattern",
                null,
                Statement.of(
                        capitalized(resemblance) + ": keep what they share and open the next version the way it does.",
                        pattern.id())));
        for (CoachSnapshot.Reading reading : snapshot.latestPerTarget()) {
            Optional<Evidence> score = snapshot.entry(reading.prefix("score.post_social"));
            if (score.isPresent() && ((Number) score.get().value()).doubleValue() >= 60) {
                worked.add(Statement.of(
                        "Following a proven pattern paid off on " + reading.target() + ": post-social score "
                                + number(score.get().value()) + "; " + resemblance + ".",
                        pattern.id(),
                        score.get().id()));
                return;
            }
        }
    }

    /** What the account's learned model is sure of: its strongest lever, and when to post. */
    private static void learned(CoachSnapshot snapshot, List<Statement> worked, List<NextAction> actions) {
        snapshot.entries().values().stream()
                .filter(entry ->
                        entry.kind() == Evidence.Kind.LEARNED && !entry.id().equals("learned.best_hour"))
                .max(Comparator.comparingDouble(entry -> Math.abs(((Number) entry.value()).doubleValue())))
                .ifPresent(lever -> {
                    String feature = lever.id().substring("learned.".length());
                    double effect = ((Number) lever.value()).doubleValue();
                    worked.add(Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "For this account, %s is the surest lever its own posts show: a full step %s"
                                            + " views at the checkpoint by a factor of %.2f (%s).",
                                    feature,
                                    effect > 0 ? "raises" : "lowers",
                                    Math.exp(effect),
                                    lever.label()),
                            lever.id()));
                    actions.add(new NextAction(
                            "use_learned_effect",
                            null,
                            Statement.of(
                                    effect > 0
                                            ? "Give the next post more " + feature
                                                    + ": the account's own results reward it."
                                            : "Give the next post less " + feature
                                                    + ": the account's own results punish it.",
                                    lever.id())));
                });
        snapshot.entry("learned.best_hour")
                .ifPresent(hour -> actions.add(new NextAction(
                        "post_at_best_hour",
                        null,
                        Statement.of("Schedule the next post near " + hour.label() + ".", hour.id()))));
    }

    private static void hook(
            CoachSnapshot snapshot, List<Statement> worked, List<Statement> toImprove, List<NextAction> actions) {
        Optional<Evidence> hook = snapshot.entry("feature.hook");
        if (hook.isEmpty() || !(hook.get().value() instanceof Number share)) {
            return;
        }
        if (share.doubleValue() >= 0.7) {
            worked.add(Statement.of(
                    "A strong opening: " + hook.get().label() + ".", hook.get().id()));
        } else if (share.doubleValue() < 0.4) {
            Statement weak = Statement.of(
                    "A weak opening: " + hook.get().label()
                            + ". Open on motion or a face, and say the promise in the first second.",
                    hook.get().id());
            toImprove.add(weak);
            actions.add(new NextAction("strengthen_hook", null, weak));
        }
    }

    private static void onScreenText(CoachSnapshot snapshot, List<Statement> toImprove, List<NextAction> actions) {
        if (snapshot.media() == null || !snapshot.media().video()) {
            return;
        }
        Optional<Evidence> text = snapshot.entry("feature.text_share");
        Optional<Evidence> first = snapshot.entry("feature.first_text_sec");
        Statement fix = null;
        if (text.isPresent() && ((Number) text.get().value()).doubleValue() == 0) {
            fix = Statement.of(
                    "No on-screen text: most people watch muted, so put the hook in large text from the first frame.",
                    text.get().id());
        } else if (first.isPresent() && ((Number) first.get().value()).doubleValue() > 3) {
            fix = Statement.of(
                    "On-screen text appears only at " + number(first.get().value())
                            + " s: show the hook's words from the first frame.",
                    first.get().id());
        }
        if (fix != null) {
            toImprove.add(fix);
            actions.add(new NextAction("add_text_hook", null, fix));
        }
    }

    private static void pacing(CoachSnapshot snapshot, List<Statement> toImprove, List<NextAction> actions) {
        Optional<Evidence> cuts = snapshot.entry("feature.cuts_per_minute");
        Optional<Evidence> length = snapshot.entry("feature.duration_sec");
        if (cuts.isEmpty()
                || length.isEmpty()
                || snapshot.media() == null
                || !snapshot.media().video()) {
            return;
        }
        if (((Number) cuts.get().value()).doubleValue() < 6
                && ((Number) length.get().value()).doubleValue() > 15) {
            Statement slow = Statement.of(
                    "Slow pacing: " + number(cuts.get().value()) + " cuts a minute over "
                            + number(length.get().value()) + " s; cut every 3 to 5 seconds.",
                    cuts.get().id(),
                    length.get().id());
            toImprove.add(slow);
            actions.add(new NextAction("faster_cuts", null, slow));
        }
    }

    static Optional<Long> count(CoachSnapshot snapshot, CoachSnapshot.Reading reading, String metric) {
        return count(snapshot, reading.prefix("metric") + "." + metric);
    }

    private static Optional<Long> count(CoachSnapshot snapshot, String id) {
        return snapshot.entry(id)
                .map(Evidence::value)
                .filter(Number.class::isInstance)
                .map(value -> ((Number) value).longValue());
    }

    private static String relation(double actual, double median) {
        double ratio = actual / Math.max(1.0, median);
        if (Math.abs(ratio - 1) < 0.05) {
            return "about";
        }
        return String.format(Locale.ROOT, "%.0f%% %s", Math.abs(ratio - 1) * 100, ratio > 1 ? "above" : "below");
    }

    static String number(Object value) {
        return value instanceof Number number
                ? String.format(Locale.ROOT, "%.0f", number.doubleValue())
                : String.valueOf(value);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static List<String> topics(CoachSnapshot snapshot) {
        return snapshot.entry("feature.topics")
                .map(topics -> Arrays.stream(String.valueOf(topics.value()).split(", "))
                        .filter(topic -> !topic.isBlank())
                        .toList())
                .orElse(List.of());
    }
}
