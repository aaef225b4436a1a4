package io.contentfactory.studio.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic rules that turn a direction into a shot list when no language model writes it:
 * <ul>
 *   <li>a reel has one shot per line of the outline (intro, body, call to action), each {@value #MIN_SHOT_SECONDS}
 *       to {@value #MAX_SHOT_SECONDS} s, at most {@value #MAX_SHOTS} shots: surplus middle lines are merged, and a
 *       line too long for one shot is held over several, each from another angle; the length is split evenly in
 *       half seconds;
 *   <li>the first shot carries the hook on screen, the last the call to action, the others the brief's text
 *       overlays in order;
 *   <li>each shot shows the brief's B-roll direction for its place, else its own line;
 *   <li>a feed image is one still of the hook; a carousel one still per line, {@value #MIN_SLIDES} to
 *       {@value #MAX_SLIDES}.
 * </ul>
 * Prompts ask for no lettering: on-screen text is burnt in at assembly, where it is legible and exact.
 */
public final class ShotPlanner {

    static final double MIN_SHOT_SECONDS = 2.0;
    static final double MAX_SHOT_SECONDS = 8.0;
    static final int MAX_SHOTS = 12;
    static final int MIN_SLIDES = 2;
    static final int MAX_SLIDES = 10;

    private ShotPlanner() {}

    public static List<Shot> plan(
            Direction direction, GenerationFormat format, String aspectRatio, double seconds, String style) {
        List<String> lines = direction.lines();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a direction has at least one line");
        }
        return switch (format) {
            case REEL -> reel(direction, lines, aspectRatio, seconds, style);
            case FEED_IMAGE ->
                List.of(still(0, direction, direction.opening(), direction.opening(), aspectRatio, style));
            case CAROUSEL -> carousel(direction, lines, aspectRatio, style);
        };
    }

    private static List<Shot> reel(
            Direction direction, List<String> lines, String aspectRatio, double seconds, String style) {
        int count = shotCount(lines.size(), seconds);
        List<String> beats =
                lines.size() >= count ? merged(lines, count, !direction.cta().isEmpty()) : spread(lines, count);
        double[] lengths = lengths(seconds, count);
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String visual = visual(direction, i, beats.get(i));
            shots.add(new Shot(
                    i,
                    lengths[i],
                    ShotMedium.VIDEO,
                    visual,
                    onScreen(direction, i, count),
                    prompt(visual, aspectRatio, style, "clip")));
        }
        return shots;
    }

    /**
     * One shot per line, but enough shots that none is longer than {@value #MAX_SHOT_SECONDS} s (what most models
     * make in one clip), and none shorter than {@value #MIN_SHOT_SECONDS} s.
     */
    static int shotCount(int lines, double seconds) {
        int wanted = Math.max(lines, (int) Math.ceil(seconds / MAX_SHOT_SECONDS - 1e-9));
        int most = Math.max(1, Math.min(MAX_SHOTS, (int) Math.floor(seconds / MIN_SHOT_SECONDS)));
        return Math.max(1, Math.min(wanted, most));
    }

    /**
     * The length split in half seconds: the spare half seconds go to the last shots, so the hook stays short; the
     * last shot takes what rounding leaves.
     */
    static double[] lengths(double seconds, int count) {
        int halves = (int) Math.floor(seconds * 2 + 1e-9);
        double[] lengths = new double[count];
        double used = 0;
        for (int i = 0; i < count; i++) {
            int extra = i >= count - halves % count ? 1 : 0;
            lengths[i] = (halves / count + extra) / 2.0;
            used += lengths[i];
        }
        lengths[count - 1] += seconds - used;
        return lengths;
    }

    /** Fewer lines than shots: each line is held over several shots, each repeat from another angle. */
    static List<String> spread(List<String> lines, int count) {
        List<String> beats = new ArrayList<>();
        int previous = -1;
        int repeat = 0;
        for (int i = 0; i < count; i++) {
            int line = i * lines.size() / count;
            repeat = line == previous ? repeat + 1 : 0;
            previous = line;
            String text = lines.get(line);
            beats.add(repeat == 0 ? text : strip(text) + ", " + ANGLES.get((repeat - 1) % ANGLES.size()));
        }
        return beats;
    }

    private static final List<String> ANGLES = List.of("close-up", "wide shot", "detail shot", "from another side");

    private static String strip(String line) {
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static List<Shot> carousel(Direction direction, List<String> lines, String aspectRatio, String style) {
        List<String> slides = new ArrayList<>(lines.subList(0, Math.min(MAX_SLIDES, lines.size())));
        while (slides.size() < MIN_SLIDES) {
            slides.add(slides.getLast());
        }
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            String text = i == 0 && direction.opening() != null ? direction.opening() : slides.get(i);
            shots.add(still(i, direction, slides.get(i), text, aspectRatio, style));
        }
        return shots;
    }

    private static Shot still(
            int index, Direction direction, String line, String text, String aspectRatio, String style) {
        String visual = visual(direction, index, line);
        return new Shot(index, 0, ShotMedium.IMAGE, visual, text, prompt(visual, aspectRatio, style, "image"));
    }

    /**
     * {@code count} beats from the lines: the first and (with a call to action) the last kept as they are, the middle
     * ones joined into as many groups as there is room for.
     */
    static List<String> merged(List<String> lines, int count, boolean keepLast) {
        if (lines.size() <= count) {
            return lines;
        }
        if (count == 1) {
            return List.of(String.join(" ", lines));
        }
        int fixedTail = keepLast && count >= 3 ? 1 : 0;
        List<String> middle = lines.subList(1, lines.size() - fixedTail);
        int groups = count - 1 - fixedTail;
        List<String> beats = new ArrayList<>();
        beats.add(lines.getFirst());
        for (int g = 0; g < groups; g++) {
            int from = g * middle.size() / groups;
            int to = (g + 1) * middle.size() / groups;
            beats.add(String.join(" ", middle.subList(from, to)));
        }
        if (fixedTail == 1) {
            beats.add(lines.getLast());
        }
        return beats;
    }

    private static String onScreen(Direction direction, int index, int count) {
        if (index == 0) {
            return direction.opening();
        }
        if (index == count - 1 && !direction.cta().isEmpty()) {
            return direction.cta().getFirst();
        }
        int overlay = index - 1;
        return overlay < direction.textOverlays().size()
                ? direction.textOverlays().get(overlay)
                : null;
    }

    private static String visual(Direction direction, int index, String line) {
        return index < direction.broll().size() ? direction.broll().get(index) : line;
    }

    private static String prompt(String visual, String aspectRatio, String style, String what) {
        String orientation = orientation(aspectRatio);
        return String.format(
                Locale.ROOT,
                "%s. %s%s %s, %s framing, no lettering or captions in the picture.",
                strip(visual),
                style == null || style.isBlank() ? "" : "Style: " + style.strip() + ". ",
                orientation,
                what,
                aspectRatio);
    }

    private static String orientation(String aspectRatio) {
        String[] sides = aspectRatio.split(":");
        double ratio = Double.parseDouble(sides[0]) / Double.parseDouble(sides[1]);
        return ratio < 0.95 ? "Vertical" : ratio > 1.05 ? "Horizontal" : "Square";
    }
}
