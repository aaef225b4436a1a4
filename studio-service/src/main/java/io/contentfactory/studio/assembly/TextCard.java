package io.contentfactory.studio.assembly;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A shot's on-screen text as a transparent PNG the width of the canvas: bold white lines on a dark band, wrapped to
 * the safe area, for FFmpeg's overlay to burn in. Drawn with Java2D so that no font file has to be found by FFmpeg.
 */
final class TextCard {

    /** Where the band's top sits, as a share of the canvas height: the lower third, clear of the platforms' buttons. */
    static final double TOP = 0.66;

    private TextCard() {}

    /** Writes the card for {@code text} on {@code canvas} to {@code file}; answers its height in pixels. */
    static int write(String text, Canvas canvas, Path file) throws IOException {
        int fontSize = Math.max(12, canvas.width() / 16);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        measure.dispose();
        int margin = canvas.width() / 14;
        List<String> lines = wrap(text, metrics, canvas.width() - 4 * margin);
        int lineHeight = metrics.getHeight();
        int height = even(lines.size() * lineHeight + 2 * margin / 2);
        BufferedImage card = new BufferedImage(canvas.width(), height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRoundRect(margin, 0, canvas.width() - 2 * margin, height, margin / 2, margin / 2);
        g.setFont(font);
        g.setColor(Color.WHITE);
        int y = margin / 2 + metrics.getAscent();
        for (String line : lines) {
            g.drawString(line, (canvas.width() - metrics.stringWidth(line)) / 2, y);
            y += lineHeight;
        }
        g.dispose();
        ImageIO.write(card, "png", file.toFile());
        return height;
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int even(int pixels) {
        return pixels + (pixels & 1);
    }
}
