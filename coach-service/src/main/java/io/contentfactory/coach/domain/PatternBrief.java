package io.contentfactory.coach.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@code kalodata_product} brief from a top-performer pattern: its hook and intro style open the script, its
 * angle gives the body's beats and the call to action, its format the filming notes, and its length the pace. The
 * posting guidance comes from the project's own history, as every brief's does. The brief cites the pattern.
 */
public final class PatternBrief {

    private PatternBrief() {}

    public static BriefRules.Draft draft(TopPattern pattern, BriefContent.PostingGuidance guidance) {
        String product = pattern.productCategory == null ? "the product" : pattern.productCategory;
        Beats beats = beats(pattern.angle, product);
        List<String> intro = new ArrayList<>();
        intro.add("Open on the hook that sold: \"" + pattern.hookText + "\"");
        if (pattern.introStyle != null) {
            intro.add("Intro style as in the original: " + pattern.introStyle + ".");
        }
        List<String> body = new ArrayList<>(beats.body());
        if (pattern.lengthSec != null) {
            body.add(String.format(Locale.ROOT, "Keep it near %d s, the length of the original.", pattern.lengthSec));
        }
        BriefContent content = new BriefContent(
                label(pattern.angle) + ": " + product,
                audience(pattern, product),
                beats.promise(),
                List.of(
                        "\"" + pattern.hookText + "\"",
                        beats.hook(),
                        "\"Why is everyone buying this " + product + "?\""),
                new BriefContent.ScriptOutline(intro, body, List.of(beats.cta())),
                directions(pattern.format, product),
                guidance);
        return new BriefRules.Draft(content, reference(pattern), List.of("pattern." + pattern.id));
    }

    private record Beats(String promise, String hook, List<String> body, String cta) {}

    private static Beats beats(PatternAngle angle, String product) {
        return switch (angle) {
            case PROBLEM_SOLUTION ->
                new Beats(
                        "Name the problem " + product + " buyers live with, then show it solved.",
                        "\"If this keeps happening to you, watch this.\"",
                        List.of(
                                "Show the problem as the viewer lives it.",
                                "Bring in the product at the moment of frustration.",
                                "Show it solved, in one uninterrupted shot."),
                        "Point to where to buy it, while the result is on screen.");
            case TESTIMONIAL, REVIEW ->
                new Beats(
                        "A real buyer's honest result with " + product + ".",
                        "\"I didn't expect this to work. Here's what happened.\"",
                        List.of(
                                "Say what made you doubt it.",
                                "Show it in daily use, not on a table.",
                                "Say the one result you would tell a friend."),
                        "Tell viewers where you got it and what you paid.");
            case BEFORE_AFTER ->
                new Beats(
                        "The difference " + product + " makes, before and after.",
                        "\"Before and after: same day, same light.\"",
                        List.of(
                                "Before, in the same framing as after.",
                                "The change, fast.",
                                "After, held for a beat."),
                        "Ask viewers which they would pick, then point to the product.");
            case UNBOXING ->
                new Beats(
                        "What you really get with " + product + ".",
                        "\"Let's open it: is it worth the price?\"",
                        List.of("The box as it arrives.", "Each thing inside, in the hand.", "The first use."),
                        "Point to where to buy it, with the price.");
            case DEMO, TUTORIAL ->
                new Beats(
                        "How to get the most out of " + product + ", step by step.",
                        "\"You're using it wrong. Here's how.\"",
                        List.of("Step one, close up.", "Step two, close up.", "The result."),
                        "Ask viewers to save it for later, and point to the product.");
            case COMPARISON ->
                new Beats(
                        product + " against the usual choice, side by side.",
                        "\"Cheap vs expensive: can you tell?\"",
                        List.of("Both side by side.", "The one test that matters.", "The verdict."),
                        "Ask viewers which they would buy, then point to the winner.");
            case UGC, STORYTIME ->
                new Beats(
                        "A day-in-the-life story where " + product + " saves the moment.",
                        "\"Storytime: how this ended up in my bag.\"",
                        List.of("The situation.", "The moment the product comes in.", "How it ended."),
                        "Tell viewers where to find it, casually, as a friend would.");
        };
    }

    private static String label(PatternAngle angle) {
        return switch (angle) {
            case UGC -> "UGC";
            case PROBLEM_SOLUTION -> "Problem/solution";
            case BEFORE_AFTER -> "Before/after";
            default -> {
                String wire = angle.wire();
                yield Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
            }
        };
    }

    private static String audience(TopPattern pattern, String product) {
        if (pattern.priceMin == null && pattern.priceMax == null) {
            return "Shoppers looking at " + product + ".";
        }
        return "Shoppers looking at " + product + " around " + price(pattern) + ".";
    }

    private static String price(TopPattern pattern) {
        String currency = pattern.currency == null ? "" : " " + pattern.currency;
        BigDecimal low = pattern.priceMin == null ? pattern.priceMax : pattern.priceMin;
        BigDecimal high = pattern.priceMax == null ? pattern.priceMin : pattern.priceMax;
        return low.compareTo(high) == 0
                ? low.stripTrailingZeros().toPlainString() + currency
                : low.stripTrailingZeros().toPlainString() + "–"
                        + high.stripTrailingZeros().toPlainString() + currency;
    }

    private static BriefContent.VisualDirections directions(FormatType format, String product) {
        return switch (format) {
            case FACE_CAM ->
                new BriefContent.VisualDirections(
                        List.of("Cutaways of " + product + " in use, under 2 s each."),
                        List.of("One person to camera, vertical, eye level; the product in frame by second 3."),
                        List.of("The hook as large text from the first frame."));
            case FACES_VIDEO ->
                new BriefContent.VisualDirections(
                        List.of("Cutaways of " + product + " in both people's hands."),
                        List.of("Two people in frame, reacting to each other and to the product."),
                        List.of("The hook as large text from the first frame."));
            case BROLL_TEXT ->
                new BriefContent.VisualDirections(
                        List.of("Close, moving shots of " + product + "; a cut every 2 to 3 s."),
                        List.of(),
                        List.of("The hook as large text from the first frame.", "One line of text per beat."));
            case EXPLAINER ->
                new BriefContent.VisualDirections(
                        List.of("Each step of using " + product + ", close up."),
                        List.of("A voice or face explaining each step."),
                        List.of("A numbered label on each step."));
            case CAROUSEL ->
                new BriefContent.VisualDirections(
                        List.of("One clean photo of " + product + " per slide."),
                        List.of(),
                        List.of("The hook on the first slide.", "One point per slide, large text."));
        };
    }

    private static Map<String, Object> reference(TopPattern pattern) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("patternId", pattern.id.toString());
        reference.put("sourceReference", pattern.sourceReference);
        reference.put("angle", pattern.angle.wire());
        reference.put("formatType", pattern.format.wire());
        if (pattern.productCategory != null) {
            reference.put("productCategory", pattern.productCategory);
        }
        if (!pattern.sourceMetrics.isEmpty()) {
            reference.put("sourceMetrics", pattern.sourceMetrics);
        }
        return reference;
    }
}
