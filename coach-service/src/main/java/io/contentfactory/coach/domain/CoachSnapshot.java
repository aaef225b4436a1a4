package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.MetricsCollected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything an insight is written from, stored with it: the media's analysis, every collected checkpoint of every
 * post of the media with its score and the account's baseline, and the same facts as {@link Evidence} entries that
 * statements cite by id.
 *
 * <p>Ids: {@code score.pre_social}; {@code feature.<name>} for each part of the pre-social score ({@code
 * feature.hook}, {@code feature.pacing}, …) and for the raw features ({@code feature.topics}, {@code
 * feature.faces_share}, {@code feature.text_share}, {@code feature.first_text_sec}, {@code feature.cuts_per_minute},
 * {@code feature.speech_ratio}, {@code feature.transcript}, {@code feature.duration_sec}); per post target and
 * checkpoint {@code metric.<target>.<checkpoint>.<metric>}, {@code score.post_social.<target>.<checkpoint>} and
 * {@code baseline.<target>.<checkpoint>.<metric>}; {@code pattern.<pattern id>} for each imported top-performer
 * pattern analysis found the item resembles; per post target, from its latest reading that carries them, {@code
 * comments.<target>.positive}, {@code .neutral} and {@code .negative} (how many of its comments read that way) and
 * {@code comments.<target>.topic.<topic>} (how many talk about the topic). A target is named by its platform, and
 * {@code instagram_2} for a media's second Instagram post.
 */
public record CoachSnapshot(UUID mediaId, MediaProfile media, List<Reading> readings, Map<String, Evidence> entries) {

    /** One collected checkpoint of one post target, named as its evidence ids name it. */
    public record Reading(String target, MetricsCollected metrics) {

        public String prefix(String kind) {
            return kind + "." + target + "." + metrics.checkpoint();
        }
    }

    public CoachSnapshot {
        readings = List.copyOf(readings);
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public boolean has(String id) {
        return entries.containsKey(id);
    }

    public Optional<Evidence> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The first post's post-social score at {@code checkpoint}, if it has one. */
    public Optional<Double> postSocialScoreAt(String checkpoint) {
        return readings.stream()
                .filter(reading -> reading.metrics().checkpoint().equals(checkpoint))
                .map(reading -> reading.metrics().postSocialScore())
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Each target's latest collected checkpoint: what an insight judges. */
    public List<Reading> latestPerTarget() {
        Map<String, Reading> latest = new LinkedHashMap<>();
        for (Reading reading : readings) {
            latest.merge(
                    reading.target(),
                    reading,
                    (a, b) -> b.metrics().dueAt() != null
                                    && a.metrics().dueAt() != null
                                    && b.metrics().dueAt().isAfter(a.metrics().dueAt())
                            ? b
                            : a);
        }
        return List.copyOf(latest.values());
    }

    /** The snapshot of {@code media} (null when its analysis was never received) and its posts' checkpoints. */
    public static CoachSnapshot of(UUID mediaId, MediaProfile media, List<MetricsCollected> checkpoints) {
        return of(mediaId, media, checkpoints, Map.of());
    }

    /**
     * As {@link #of(UUID, MediaProfile, List)}, naming each resembled pattern by its hook; {@code patternHooks} holds
     * the patterns still imported.
     */
    public static CoachSnapshot of(
            UUID mediaId, MediaProfile media, List<MetricsCollected> checkpoints, Map<UUID, String> patternHooks) {
        Map<String, Evidence> entries = new LinkedHashMap<>();
        if (media != null) {
            addMedia(entries, media, patternHooks);
        }
        List<Reading> readings = named(checkpoints);
        readings.forEach(reading -> addReading(entries, reading));
        return new CoachSnapshot(mediaId, media, readings, entries);
    }

    private static List<Reading> named(List<MetricsCollected> checkpoints) {
        List<MetricsCollected> ordered = checkpoints.stream()
                .sorted(Comparator.comparing(MetricsCollected::checkedAt)
                        .thenComparing(metrics -> metrics.targetId().toString()))
                .toList();
        Map<UUID, String> names = new HashMap<>();
        Map<String, Integer> perPlatform = new HashMap<>();
        List<Reading> readings = new ArrayList<>();
        for (MetricsCollected metrics : ordered) {
            String name = names.computeIfAbsent(metrics.targetId(), target -> {
                String platform = metrics.platform().name().toLowerCase(Locale.ROOT);
                int nth = perPlatform.merge(platform, 1, Integer::sum);
                return nth == 1 ? platform : platform + "_" + nth;
            });
            readings.add(new Reading(name, metrics));
        }
        return readings;
    }

    /**
     * This snapshot with what the account's learned model in force says: each effect the model is sure of
     * ({@code learned.<feature>}) and its best hour ({@code learned.best_hour}). The defaults add nothing.
     */
    public CoachSnapshot withLearned(String platform, String accountId, AccountModel model) {
        if (!model.learned()) {
            return this;
        }
        Map<String, Evidence> all = new LinkedHashMap<>(entries);
        String basis = String.format(
                Locale.ROOT,
                "model v%d of %s account %s, %d posts",
                model.version(),
                platform,
                accountId,
                model.posts());
        for (io.contentfactory.contracts.events.ModelUpdated.Effect effect : model.found()) {
            put(
                    all,
                    "learned." + effect.feature(),
                    Evidence.Kind.LEARNED,
                    String.format(
                            Locale.ROOT,
                            "the learned effect of %s on ln(views at %s ÷ the median), 95 %% %.2f to %.2f (%s)",
                            effect.feature(),
                            model.checkpoint(),
                            effect.low(),
                            effect.high(),
                            basis),
                    round(effect.mean()));
        }
        for (int best : model.bestSlots(1)) {
            var slot = model.slots().get(best);
            put(
                    all,
                    "learned.best_hour",
                    Evidence.Kind.LEARNED,
                    String.format(
                            Locale.ROOT,
                            "the account's best learned hour, %s %02d:00 %s, effect ± %.2f (%s)",
                            java.time.DayOfWeek.of(best / 24 + 1)
                                    .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH),
                            best % 24,
                            model.timeZone(),
                            slot.sd(),
                            basis),
                    round(slot.mean()));
        }
        return new CoachSnapshot(mediaId, media, readings, all);
    }

    /** The patterns {@code media}'s analysis found it resembles. */
    public static List<UUID> resembledPatterns(MediaProfile media) {
        return media == null || media.features() == null
                ? List.of()
                : media.features().patternOverlap().stream()
                        .map(AnalysisFeatures.PatternMatch::patternId)
                        .toList();
    }

    private static void addMedia(Map<String, Evidence> entries, MediaProfile media, Map<UUID, String> patternHooks) {
        put(entries, "score.pre_social", Evidence.Kind.SCORE, "the pre-social score", media.preSocialScore());
        put(entries, "feature.duration_sec", Evidence.Kind.FEATURE, "length in seconds", media.durationSec());
        AnalysisFeatures features = media.features();
        if (features == null) {
            return;
        }
        for (AnalysisFeatures.ScoreContribution part : features.contributions()) {
            put(
                    entries,
                    "feature." + part.feature().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"),
                    Evidence.Kind.FEATURE,
                    String.format(
                            Locale.ROOT,
                            "%s: %s (%.0f of %.0f points)",
                            part.feature(),
                            part.reason(),
                            part.points(),
                            part.maxPoints()),
                    part.maxPoints() > 0 ? round(part.points() / part.maxPoints()) : null);
        }
        if (!features.topics().isEmpty()) {
            put(
                    entries,
                    "feature.topics",
                    Evidence.Kind.FEATURE,
                    "what it is about",
                    String.join(", ", features.topics()));
        }
        Integer sampled = features.framesSampled();
        if (sampled != null && sampled > 0) {
            share(
                    entries,
                    "feature.faces_share",
                    "share of frames showing a face",
                    features.framesWithFaces(),
                    sampled);
            share(
                    entries,
                    "feature.text_share",
                    "share of frames with on-screen text",
                    features.framesWithText(),
                    sampled);
        }
        put(
                entries,
                "feature.first_text_sec",
                Evidence.Kind.FEATURE,
                "first on-screen text, seconds",
                features.firstTextSec());
        put(
                entries,
                "feature.cuts_per_minute",
                Evidence.Kind.FEATURE,
                "scene cuts per minute",
                features.cutsPerMinute());
        put(
                entries,
                "feature.speech_ratio",
                Evidence.Kind.FEATURE,
                "share of the sound that is speech",
                features.speechRatio());
        if (features.transcript() != null && !features.transcript().isBlank()) {
            put(entries, "feature.transcript", Evidence.Kind.FEATURE, "what is said", features.transcript());
        }
        for (AnalysisFeatures.PatternMatch match : features.patternOverlap()) {
            String hook = patternHooks.get(match.patternId());
            put(
                    entries,
                    "pattern." + match.patternId(),
                    Evidence.Kind.PATTERN,
                    (hook == null || hook.isBlank()
                                    ? "resembles an imported top-performer pattern"
                                    : "resembles the imported top performer \"" + hook + "\"")
                            + " (shares " + String.join(", ", match.sharedWords()) + ")",
                    match.similarity());
        }
    }

    private static void share(Map<String, Evidence> entries, String id, String label, Integer count, int of) {
        if (count != null) {
            put(
                    entries,
                    id,
                    Evidence.Kind.FEATURE,
                    label + " (" + count + " of " + of + ")",
                    round((double) count / of));
        }
    }

    private static final Map<String, Function<MetricsCollected, Long>> METRICS = metrics();

    private static Map<String, Function<MetricsCollected, Long>> metrics() {
        Map<String, Function<MetricsCollected, Long>> metrics = new LinkedHashMap<>();
        metrics.put("views", MetricsCollected::views);
        metrics.put("likes", MetricsCollected::likes);
        metrics.put("comments", MetricsCollected::comments);
        metrics.put("shares", MetricsCollected::shares);
        metrics.put("saves", MetricsCollected::saves);
        metrics.put("reach", MetricsCollected::reach);
        metrics.put("watch_time_ms", MetricsCollected::watchTimeMs);
        metrics.put("avg_watch_time_ms", MetricsCollected::avgWatchTimeMs);
        metrics.put("profile_visits", MetricsCollected::profileVisits);
        metrics.put("follower_delta", MetricsCollected::followerDelta);
        return metrics;
    }

    private static void addReading(Map<String, Evidence> entries, Reading reading) {
        MetricsCollected metrics = reading.metrics();
        String where = reading.target() + " at " + metrics.checkpoint();
        METRICS.forEach((name, value) -> put(
                entries,
                reading.prefix("metric") + "." + name,
                Evidence.Kind.METRIC,
                name.replace('_', ' ') + " on " + where,
                value.apply(metrics)));
        if (metrics.postSocialScore() != null) {
            put(
                    entries,
                    reading.prefix("score.post_social"),
                    Evidence.Kind.SCORE,
                    "post-social score on " + where + ": " + metrics.scoreExplanation(),
                    metrics.postSocialScore());
        }
        MetricsCollected.AccountBaseline baseline = metrics.baseline();
        if (baseline != null) {
            put(
                    entries,
                    reading.prefix("baseline") + "." + baseline.metric(),
                    Evidence.Kind.BASELINE,
                    "the account's median " + baseline.metric() + " at " + metrics.checkpoint() + " over "
                            + baseline.posts() + " earlier posts",
                    baseline.median());
        }
        if (metrics.commentSummary() != null) {
            addComments(entries, reading.target(), metrics.commentSummary());
        }
    }

    /** A later reading's comments replace an earlier one's: each counts every comment stored so far. */
    private static void addComments(
            Map<String, Evidence> entries, String target, MetricsCollected.CommentSummary comments) {
        String prefix = "comments." + target + ".";
        entries.keySet().removeIf(id -> id.startsWith(prefix));
        String of = " of " + comments.total() + " comments on " + target;
        put(entries, prefix + "positive", Evidence.Kind.COMMENTS, "positive" + of, comments.positive());
        put(entries, prefix + "neutral", Evidence.Kind.COMMENTS, "neutral" + of, comments.neutral());
        put(entries, prefix + "negative", Evidence.Kind.COMMENTS, "negative" + of, comments.negative());
        for (MetricsCollected.TopicCluster cluster : comments.clusters()) {
            put(
                    entries,
                    prefix + "topic." + slug(cluster.topic()),
                    Evidence.Kind.COMMENTS,
                    String.format(
                            Locale.ROOT,
                            "comments on %s about \"%s\" (%d positive, %d negative)",
                            target,
                            cluster.topic(),
                            cluster.positive(),
                            cluster.negative()),
                    cluster.comments());
        }
    }

    static String slug(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }

    private static void put(Map<String, Evidence> entries, String id, Evidence.Kind kind, String label, Object value) {
        if (value != null) {
            entries.put(id, new Evidence(id, kind, label, value));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
