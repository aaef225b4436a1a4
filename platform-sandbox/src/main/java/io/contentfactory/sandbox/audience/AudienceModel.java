package io.contentfactory.sandbox.audience;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audiences behind the sandbox's accounts, and how each post does with its own. Every account has one, drawn
 * from the seed and the account id (so the same seed gives the same audiences, run after run) unless an operator set
 * it through {@code /sandbox/audience}. A post's features come from what an operator declared for it (matched by a
 * string its caption or media URL contains), else from its caption's words and hashtags and the hour it went live.
 */
@ApplicationScoped
public class AudienceModel {

    /** The topics audiences have a taste for; a caption names them as words or hashtags. */
    public static final List<String> TOPICS = List.of(
            "recipe", "sauce", "music", "travel", "fitness", "fashion", "pets", "tech", "comedy", "beauty", "diy",
            "gaming");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();
    private final Map<String, DeclaredFeatures> declared = new ConcurrentHashMap<>();
    private final Duration minute;
    private volatile long seed;

    AudienceModel(
            @ConfigProperty(name = "sandbox.audience.seed") long seed,
            @ConfigProperty(name = "sandbox.audience.minute") Duration minute) {
        this.seed = seed;
        this.minute = minute;
    }

    /** Features an operator declared for the posts whose caption or media URL contains {@code match}. */
    public record DeclaredFeatures(
            String match,
            Double hookStrength,
            Double lengthSeconds,
            Boolean faces,
            Boolean onScreenText,
            List<String> topics) {}

    public long seed() {
        return seed;
    }

    /** Draws every audience again from {@code next}; audiences an operator set are dropped too. */
    public void reseed(long next) {
        seed = next;
        audiences.clear();
    }

    public Audience audience(String accountId) {
        return audiences.computeIfAbsent(accountId, this::drawn);
    }

    public void set(Audience audience) {
        audiences.put(audience.accountId(), audience);
    }

    public void declare(DeclaredFeatures features) {
        declared.put(features.match(), features);
    }

    /** The features of a post with this caption and media, live since {@code liveAt}. */
    public PostFeatures features(String caption, String mediaUrl, boolean video, Instant liveAt) {
        String text = caption == null ? "" : caption;
        Optional<DeclaredFeatures> own = declared.values().stream()
                .filter(d -> text.contains(d.match()) || (mediaUrl != null && mediaUrl.contains(d.match())))
                .findFirst();
        Set<String> topics = new LinkedHashSet<>();
        own.map(DeclaredFeatures::topics).ifPresentOrElse(topics::addAll, () -> topics.addAll(topicsOf(text)));
        return new PostFeatures(
                own.map(DeclaredFeatures::hookStrength).orElse(0.5),
                video ? own.map(DeclaredFeatures::lengthSeconds).orElse(30.0) : null,
                own.map(DeclaredFeatures::faces).orElse(false),
                own.map(DeclaredFeatures::onScreenText).orElse(false),
                Set.copyOf(topics),
                hourOfWeek(liveAt));
    }

    /**
     * How a post does with the account's audience. Its appeal is e^(taste score + noise), the noise drawn from the
     * seed and the post id; the views it levels off at are the audience's size × the share around at its hour × 0.25
     * × appeal; more appealing posts also earn more likes, comments, shares and saves per view, and kinder comments.
     */
    public Engagement engagement(String accountId, String postId, PostFeatures post) {
        Audience audience = audience(accountId);
        SplittableRandom noise = new SplittableRandom(mix(seed, "post:" + accountId + ":" + postId));
        double logAppeal = audience.logAppeal(post) + audience.taste().noise() * gaussian(noise);
        double appeal = Math.exp(logAppeal);
        double engaged = Math.sqrt(appeal);
        return new Engagement(
                audience.size() * audience.activityAt(post.hourOfWeek()) * 0.25 * appeal,
                post.video() ? Engagement.VIDEO_TAU_MINUTES : Engagement.IMAGE_TAU_MINUTES,
                0.8,
                clamp(0.06 * engaged, 0.005, 0.3),
                clamp(0.012 * engaged, 0.002, 0.06),
                clamp(0.008 * appeal, 0.0005, 0.08),
                clamp(0.015 * engaged, 0.001, 0.1),
                clamp(0.004 * engaged, 0.0002, 0.03),
                clamp(0.03 * engaged, 0.002, 0.15),
                1 / (1 + Math.exp(-(logAppeal + 0.5))),
                minute);
    }

    /** An account's audience as the seed draws it: sizes log-uniform in 20k–400k, tastes varied, noise 0.25–0.45. */
    private Audience drawn(String accountId) {
        SplittableRandom random = new SplittableRandom(mix(seed, "audience:" + accountId));
        long size = Math.round(20_000 * Math.exp(random.nextDouble() * Math.log(20)));
        Map<String, Double> topics = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            topics.put(topic, round(0.6 * gaussian(random)));
        }
        Taste taste = new Taste(
                round(0.5 + 1.5 * random.nextDouble()),
                round(8 + 37 * random.nextDouble()),
                round(10 + 15 * random.nextDouble()),
                round(-0.5 + 1.5 * random.nextDouble()),
                round(-0.5 + 1.5 * random.nextDouble()),
                topics,
                round(0.25 + 0.2 * random.nextDouble()));
        return new Audience(accountId, size, activity(random), taste);
    }

    /**
     * A week of activity: a lunch peak and an evening peak at hours of the account's own, a quieter night, a weekend
     * that shifts later; scaled so that the week averages 1.
     */
    private static List<Double> activity(SplittableRandom random) {
        int lunch = 11 + random.nextInt(3);
        int evening = 18 + random.nextInt(4);
        double weekend = 0.8 + 0.5 * random.nextDouble();
        double[] raw = new double[Audience.HOURS_OF_WEEK];
        double sum = 0;
        for (int h = 0; h < raw.length; h++) {
            int day = h / 24;
            int hour = h % 24;
            double level = 0.15 + 0.6 * bump(hour, lunch, 1.5) + 1.0 * bump(hour, evening, 2.0);
            raw[h] = day >= 5 ? level * weekend : level;
            sum += raw[h];
        }
        List<Double> activity = new ArrayList<>(raw.length);
        for (double level : raw) {
            activity.add(round(level * raw.length / sum));
        }
        return activity;
    }

    private static double bump(int hour, int peak, double width) {
        int distance = Math.min(Math.abs(hour - peak), 24 - Math.abs(hour - peak));
        return Math.exp(-(distance * distance) / (2 * width * width));
    }

    static int hourOfWeek(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return (utc.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + utc.getHour();
    }

    /** The topics a caption names, as words or hashtags, in the audiences' vocabulary. */
    static Set<String> topicsOf(String caption) {
        Set<String> found = new LinkedHashSet<>();
        Matcher words = WORD.matcher(caption.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            String singular =
                    word.endsWith("s") && !TOPICS.contains(word) ? word.substring(0, word.length() - 1) : word;
            if (TOPICS.contains(singular)) {
                found.add(singular);
            }
        }
        return found;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long mix(long seed, String key) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
