package io.contentfactory.studio.assembly;

/** The size an assembled post is made at: the aspect ratio's, with its short side given (even numbers, for H.264). */
public record Canvas(int width, int height) {

    public static Canvas of(String aspectRatio, int shortSide) {
        String[] sides = aspectRatio.split(":");
        double w = Double.parseDouble(sides[0]);
        double h = Double.parseDouble(sides[1]);
        return w <= h
                ? new Canvas(even(shortSide), even(shortSide * h / w))
                : new Canvas(even(shortSide * w / h), even(shortSide));
    }

    private static int even(double pixels) {
        return (int) Math.round(pixels / 2) * 2;
    }
}
