package io.contentfactory.sandbox.instagram;

import java.util.List;

/**
 * The sandbox's comment texts, each with the sentiment label a person gave it on the seed's five-point scale. Written
 * for the sandbox and varied on purpose: emoji, slang, negation, "but", questions, capitals and repeated marks, and
 * a few recurring subjects (the recipe, the sauce, the music, the price) so that topics can form. It is not used to
 * tune or to measure the service's sentiment: docs/benchmarks.md measures that on a public labelled set.
 */
final class CommentCorpus {

    record Line(String text, String label) {}

    static final List<Line> LINES = List.of(
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

    /** The line of comment {@code index} of a post: fixed per post and index, and different across posts. */
    static Line line(String mediaId, long index) {
        int start = Math.floorMod(mediaId.hashCode(), LINES.size());
        return LINES.get((int) ((start + index) % LINES.size()));
    }
}
