package io.contentfactory.coach.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the project's own posts say about when and where to post: the brief's posting guidance. The best hours are the
 * three-hour block of the project's local day whose posts scored highest at +24h (post-social score, against each
 * account's baseline), among blocks with at least {@link #MIN_IN_BLOCK} measured posts, once the project has
 * {@link #MIN_MEASURED} of them; below that it says so rather than guess. Three-hour blocks rather than hours of the
 * week: a project measures tens of posts, not thousands, and a block needs more than one post to mean anything.
 */
public record PostingHistory(ZoneId zone, List<PublishedPost> posts) {

    static final int MIN_MEASURED = 6;
    static final int MIN_IN_BLOCK = 2;
    static final int BLOCK_HOURS = 3;
    static final Duration CADENCE_WINDOW = Duration.ofDays(28);

    /**
     * One published post target, with its post-social score at +24h when it has one.
     *
     * @param score24h null when not measured yet, or without a baseline
     */
    public record PublishedPost(String platform, Instant publishedAt, Double score24h) {}

    public PostingHistory {
        posts = List.copyOf(posts);
    }

    public BriefContent.PostingGuidance guidance(List<String> fallbackPlatforms, Instant now) {
        return new BriefContent.PostingGuidance(platformPriority(fallbackPlatforms), frequency(now), timeWindowHint());
    }

    /** Measured platforms by their mean +24h score, best first; then the rest by how often they are used. */
    List<String> platformPriority(List<String> fallback) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (PublishedPost post : posts) {
            uses.merge(post.platform(), 1, Integer::sum);
            if (post.score24h() != null) {
                scores.computeIfAbsent(post.platform(), p -> new ArrayList<>()).add(post.score24h());
            }
        }
        List<String> ordered = new ArrayList<>(scores.keySet());
        ordered.sort(
                Comparator.comparingDouble((String p) -> mean(scores.get(p))).reversed());
        uses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .filter(p -> !ordered.contains(p))
                .forEach(ordered::add);
        fallback.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    String frequency(Instant now) {
        long recent = posts.stream()
                .filter(post -> post.publishedAt().isAfter(now.minus(CADENCE_WINDOW)))
                .count();
        if (recent == 0) {
            return "No posts were published in the last 4 weeks: start with one a day and let the results set the pace.";
        }
        long perWeek = Math.round(recent / (CADENCE_WINDOW.toDays() / 7.0));
        if (perWeek == 0) {
            return String.format(
                    Locale.ROOT,
                    "Fewer than one post a week over the last 4 weeks (%d in all): post more often to learn from.",
                    recent);
        }
        return String.format(
                Locale.ROOT,
                "About %s a week, the project's cadence over the last 4 weeks (%d posts).",
                perWeek == 1 ? "one post" : perWeek + " posts",
                recent);
    }

    String timeWindowHint() {
        List<PublishedPost> measured =
                posts.stream().filter(post -> post.score24h() != null).toList();
        if (measured.size() < MIN_MEASURED) {
            return String.format(
                    Locale.ROOT,
                    "Not enough measured posts to name your best hours yet (%d of %d with a +24h post-social score);"
                            + " until then, post inside your posting windows.",
                    measured.size(),
                    MIN_MEASURED);
        }
        Map<Integer, List<Double>> blocks = new TreeMap<>();
        for (PublishedPost post : measured) {
            int block = post.publishedAt().atZone(zone).getHour() / BLOCK_HOURS;
            blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(post.score24h());
        }
        double overall = mean(measured.stream().map(PublishedPost::score24h).toList());
        return blocks.entrySet().stream()
                .filter(block -> block.getValue().size() >= MIN_IN_BLOCK)
                .max(Comparator.comparingDouble(block -> mean(block.getValue())))
                .map(best -> String.format(
                        Locale.ROOT,
                        "Post between %02d:00 and %02d:00 (%s): your %d posts published then scored %.0f on average at"
                                + " +24h, against %.0f across all %d measured posts.",
                        best.getKey() * BLOCK_HOURS,
                        (best.getKey() + 1) * BLOCK_HOURS % 24,
                        zone.getId(),
                        best.getValue().size(),
                        mean(best.getValue()),
                        overall,
                        measured.size()))
                .orElse(String.format(
                        Locale.ROOT,
                        "Your %d measured posts are spread too thin over the day to name a best window (no three-hour"
                                + " block has %d); post inside your posting windows.",
                        measured.size(),
                        MIN_IN_BLOCK));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
