package io.contentfactory.sandbox.common;

import java.util.List;

/**
 * The sandbox's comment texts, each with the sentiment label a person gave it on the seed's five-point scale. Written
 * for the sandbox and varied on purpose: emoji, slang, negation, "but", questions, capitals and repeated marks, and
 * a few recurring subjects (the recipe, the sauce, the music, the price) so that topics can form. A post's audience
 * decides how kind its comments are. It is not used to
 * tune or to measure the service's sentiment: docs/benchmarks.md measures that on a public labelled set.
 */
public final class CommentCorpus {

    public record Line(String text, String label) {}

    public static final List<Line> LINES = List.of(
            new Line("Love this!!! 😍", "very_positive"),
            new Line("Where is this from?", "neutral"),
            new Line("Recipe please 🙏", "positive"),
            new Line("not bad at all", "positive"),
            new Line("This is honestly the worst recipe I've tried 😡", "very_negative"),
            new Line("🔥🔥🔥", "positive"),
            new Line("meh, the sauce was too salty", "negative"),
            new Line("Saving this for later", "neutral"),
            new Line("OMG this sauce is AMAZING", "very_positive"),
            new Line("Not a fan of the music tbh", "negative"),
            new Line("what's the song?", "neutral"),
            new Line("lol this made my day 😂", "very_positive"),
            new Line("Way too expensive for what it is", "negative"),
            new Line("The price is fine but the portion is tiny", "negative"),
            new Line("ok", "neutral"),
            new Line("Tried the recipe last night, my kids loved it ❤️", "very_positive"),
            new Line("This doesn't look good 🤢", "negative"),
            new Line("Terrible. Just terrible.", "very_negative"),
            new Line("nice bowl", "positive"),
            new Line("How long does the sauce keep in the fridge?", "neutral"),
            new Line("the music is so good 🎶", "positive"),
            new Line("I don't hate it", "neutral"),
            new Line("ngl this slaps", "positive"),
            new Line("boring...", "negative"),
            new Line("Can I use rice instead of quinoa in the recipe?", "neutral"),
            new Line("Absolutely stunning bowl, great job!", "very_positive"),
            new Line("Worst. Video. Ever. 👎", "very_negative"),
            new Line("sad that the shop is closed 😢", "negative"),
            new Line("Is the price per bowl?", "neutral"),
            new Line("Best sauce ever, thank you!", "very_positive"));

    private CommentCorpus() {}

    private static final List<Line> KIND = of("positive", "very_positive");
    private static final List<Line> NEUTRAL = of("neutral");
    private static final List<Line> UNKIND = of("negative", "very_negative");

    private static List<Line> of(String... labels) {
        List<String> wanted = List.of(labels);
        return LINES.stream().filter(line -> wanted.contains(line.label())).toList();
    }

    /**
     * The line of comment {@code index} of a post: fixed per post and index, and different across posts. A share
     * {@code positiveShare} of a post's comments are kind; of the rest, half neutral and half unkind.
     */
    public static Line line(String postId, long index, double positiveShare) {
        long draw = mix(postId, index);
        double u = (draw >>> 11) * 0x1.0p-53;
        List<Line> group = u < positiveShare ? KIND : u < positiveShare + (1 - positiveShare) / 2 ? NEUTRAL : UNKIND;
        return group.get((int) Math.floorMod(draw, (long) group.size()));
    }

    private static long mix(String postId, long index) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < postId.length(); i++) {
            h = (h ^ postId.charAt(i)) * 0x100000001B3L;
        }
        h ^= index * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
