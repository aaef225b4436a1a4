package io.contentfactory.analysis.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.analysis.scoring.PreSocialScore;
import io.contentfactory.analysis.scoring.ScoreWeights;
import io.contentfactory.testkit.TestMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local analyzer on clips made in the test, each pair differing in one respect: every assertion is about the
 * direction a feature moves, not only that a number exists.
 */
class LocalAnalyzerTest {

    private static final Path SPEECH = Path.of("src/test/resources/audio/speech.wav");

    @TempDir
    Path dir;

    @Test
    void aBlurredFrameIsNeverChosenAsTheBestFrame() throws Exception {
        // Blurred throughout but for the fourth second, whose pictures are sharp.
        Path clip = TestMedia.mp4(
                dir.resolve("mostly-blurred.mp4"),
                360,
                640,
                6,
                (index, frames, width, height) ->
                        index / 25 == 3 ? scene(width, height, 3) : blurred(scene(width, height, 3)),
                TestMedia.TONE);

        LocalAnalyzer.Result result = LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS);

        assertThat(result.best().timeSec()).isGreaterThanOrEqualTo(3).isLessThan(4);
        double sharpest = result.best().stats().sharpness();
        assertThat(result.sampling().samples())
                .filteredOn(s -> s.timeSec() < 3 || s.timeSec() >= 4)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.stats().sharpness()).isLessThan(sharpest / 3));
    }

    @Test
    void aFaceInTheFirstSecondMakesAStrongerHookAndTheBestFrame() throws Exception {
        Path withFace = TestMedia.mp4(
                dir.resolve("face.mp4"),
                360,
                640,
                5,
                (index, frames, width, height) -> index < 25
                        ? TestMedia.face(width, height, 180)
                        : TestMedia.PATTERN.paint(index, frames, width, height),
                TestMedia.TONE);
        Path withoutFace = TestMedia.mp4(dir.resolve("no-face.mp4"), 360, 640, 5, TestMedia.PATTERN, TestMedia.TONE);

        LocalAnalyzer.Result face = LocalAnalyzer.analyze(withFace, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result none = LocalAnalyzer.analyze(withoutFace, ScoreWeights.DEFAULTS);

        assertThat(face.sampling().samples())
                .filteredOn(s -> s.timeSec() < 1)
                .allSatisfy(s -> assertThat(s.faces()).hasSize(1));
        assertThat(none.sampling().samples())
                .allSatisfy(s -> assertThat(s.faces()).isEmpty());
        assertThat(face.best().timeSec())
                .as("the best frame is one of the face frames")
                .isLessThan(1);
        assertThat(face.features().hookFace()).isGreaterThan(0);
        assertThat(points(face.score(), "hook")).isGreaterThan(points(none.score(), "hook"));
        assertThat(reason(face.score(), "hook")).startsWith("a face from 0.0 s");
        assertThat(reason(none.score(), "hook")).startsWith("no face");
    }

    @Test
    void stillImagesOfAnySizeAreAnalysedAsOneFrame() throws Exception {
        for (int[] size : new int[][] {{32, 32}, {640, 800}, {1080, 1350}}) {
            Path jpeg = java.nio.file.Files.write(
                    dir.resolve("still-" + size[0] + ".jpg"), TestMedia.jpeg(size[0], size[1]));
            Path png = java.nio.file.Files.write(
                    dir.resolve("still-" + size[0] + ".png"), TestMedia.png(size[0], size[1]));
            for (Path image : new Path[] {jpeg, png}) {
                LocalAnalyzer.Result result = LocalAnalyzer.analyze(image, ScoreWeights.DEFAULTS);
                assertThat(result.sampling().samples())
                        .as(image.getFileName().toString())
                        .hasSize(1);
                assertThat(result.features().durationSec()).isNull();
                assertThat(reason(result.score(), "hook")).isEqualTo("a still image has no opening seconds");
            }
        }
    }

    @Test
    void aVerticalClipFitsShortVideoBetterThanALandscapeOne() throws Exception {
        Path vertical = TestMedia.mp4(dir.resolve("vertical.mp4"), 360, 640, 3);
        Path landscape = TestMedia.mp4(dir.resolve("landscape.mp4"), 640, 360, 3);

        PreSocialScore tall =
                LocalAnalyzer.analyze(vertical, ScoreWeights.DEFAULTS).score();
        PreSocialScore wide =
                LocalAnalyzer.analyze(landscape, ScoreWeights.DEFAULTS).score();

        assertThat(points(tall, "aspect")).isGreaterThan(points(wide, "aspect"));
        assertThat(reason(tall, "aspect")).contains("9:16");
        assertThat(tall.value()).isGreaterThan(wide.value());
    }

    @Test
    void speechIsHeardFromItsOnsetAndSilenceIsNot() throws Exception {
        Path speaking =
                TestMedia.mp4(dir.resolve("speaking.mp4"), 360, 640, 4, TestMedia.PATTERN, TestMedia.recording(SPEECH));
        Path silent = TestMedia.mp4(dir.resolve("silent.mp4"), 360, 640, 4, TestMedia.PATTERN, TestMedia.SILENCE);

        LocalAnalyzer.Result speech = LocalAnalyzer.analyze(speaking, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result silence = LocalAnalyzer.analyze(silent, ScoreWeights.DEFAULTS);

        assertThat(speech.audio().speechRatio())
                .isGreaterThan(0.3)
                .isGreaterThan(silence.audio().speechRatio());
        assertThat(speech.audio().speechOnsetSec()).isNotNull().isLessThan(1.0);
        assertThat(silence.audio().speechOnsetSec()).isNull();
        assertThat(speech.audio().loudnessDbfs()).isGreaterThan(silence.audio().loudnessDbfs() + 20);
        assertThat(points(speech.score(), "speech")).isGreaterThan(points(silence.score(), "speech"));
        assertThat(points(speech.score(), "hook")).isGreaterThan(points(silence.score(), "hook"));
        assertThat(reason(speech.score(), "hook")).contains("speech within");
    }

    @Test
    void aSteadyToneIsToldFromSpeech() throws Exception {
        Path tone = TestMedia.mp4(dir.resolve("tone.mp4"), 360, 640, 4, TestMedia.PATTERN, TestMedia.TONE);
        Path speaking =
                TestMedia.mp4(dir.resolve("voice.mp4"), 360, 640, 4, TestMedia.PATTERN, TestMedia.recording(SPEECH));

        LocalAnalyzer.Result steady = LocalAnalyzer.analyze(tone, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result voice = LocalAnalyzer.analyze(speaking, ScoreWeights.DEFAULTS);

        assertThat(steady.audio().musicLikely()).isTrue();
        assertThat(voice.audio().musicLikely()).isFalse();
        assertThat(steady.audio().speechRatio()).isLessThan(voice.audio().speechRatio());
    }

    @Test
    void cutsEveryTwoSecondsPaceFasterThanOneUnbrokenShot() throws Exception {
        Path cutting = TestMedia.mp4(
                dir.resolve("cuts.mp4"),
                360,
                640,
                8,
                (index, frames, width, height) -> scene(width, height, index / 50),
                TestMedia.TONE);
        Path still = TestMedia.mp4(
                dir.resolve("one-shot.mp4"),
                360,
                640,
                8,
                (index, frames, width, height) -> scene(width, height, 0),
                TestMedia.TONE);

        LocalAnalyzer.Result cuts = LocalAnalyzer.analyze(cutting, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result oneShot = LocalAnalyzer.analyze(still, ScoreWeights.DEFAULTS);

        assertThat(cuts.sampling().cuts()).isEqualTo(3);
        assertThat(oneShot.sampling().cuts()).isZero();
        assertThat(cuts.sampling().samples())
                .filteredOn(s -> s.atCut())
                .extracting(s -> Math.round(s.timeSec() * 4) / 4.0)
                .allSatisfy(time -> assertThat(time % 2).isLessThanOrEqualTo(0.25));
        assertThat(points(cuts.score(), "pacing")).isGreaterThan(points(oneShot.score(), "pacing"));
    }

    @Test
    void onScreenTextIsFoundWhereItIsShownAndNotInPicturesWithout() throws Exception {
        Path captioned = TestMedia.mp4(
                dir.resolve("captioned.mp4"),
                360,
                640,
                4,
                (index, frames, width, height) -> captioned(plain(width, height, index), "Three tips for better sleep"),
                TestMedia.TONE);
        Path later = TestMedia.mp4(
                dir.resolve("captioned-later.mp4"),
                360,
                640,
                6,
                (index, frames, width, height) -> index < 100
                        ? plain(width, height, index)
                        : captioned(plain(width, height, index), "Wait for it"),
                TestMedia.TONE);
        Path bare = TestMedia.mp4(
                dir.resolve("bare.mp4"),
                360,
                640,
                4,
                (index, frames, width, height) -> plain(width, height, index),
                TestMedia.TONE);
        Path textured = TestMedia.mp4(
                dir.resolve("textured.mp4"),
                640,
                360,
                3,
                (index, frames, width, height) -> textured(width, height, index),
                TestMedia.TONE);
        Path face = TestMedia.mp4(
                dir.resolve("face-only.mp4"),
                360,
                640,
                2,
                (index, frames, width, height) -> TestMedia.face(width, height, 180),
                TestMedia.TONE);

        LocalAnalyzer.Result text = LocalAnalyzer.analyze(captioned, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result late = LocalAnalyzer.analyze(later, ScoreWeights.DEFAULTS);
        LocalAnalyzer.Result none = LocalAnalyzer.analyze(bare, ScoreWeights.DEFAULTS);

        assertThat(text.sampling().samples())
                .allSatisfy(sample -> assertThat(sample.text())
                        .singleElement()
                        .satisfies(line ->
                                assertThat(line.y()).as("the caption's top").isBetween(0.70, 0.80)));
        assertThat(none.sampling().samples())
                .allSatisfy(sample -> assertThat(sample.text()).isEmpty());
        for (Path withoutText : new Path[] {textured, face}) {
            assertThat(LocalAnalyzer.analyze(withoutText, ScoreWeights.DEFAULTS)
                            .sampling()
                            .samples())
                    .as(withoutText.getFileName().toString())
                    .allSatisfy(sample -> assertThat(sample.text()).isEmpty());
        }
        assertThat(late.features().firstTextSec())
                .as("the first sample (one a second) showing the caption, from 4 s")
                .isBetween(3.95, 5.05);
        assertThat(points(text.score(), "text"))
                .isGreaterThan(points(late.score(), "text"))
                .isEqualTo(ScoreWeights.DEFAULTS.text());
        assertThat(points(late.score(), "text")).isGreaterThan(points(none.score(), "text"));
        assertThat(reason(text.score(), "text")).startsWith("on-screen text from 0.0 s");
        assertThat(reason(none.score(), "text")).isEqualTo("no on-screen text");
    }

    @Test
    void projectWeightsDecideWhatEachFeatureIsWorth() throws Exception {
        Path clip =
                TestMedia.mp4(dir.resolve("weighted.mp4"), 360, 640, 3, TestMedia.PATTERN, TestMedia.recording(SPEECH));
        ScoreWeights aspectOnly = ScoreWeights.of(Map.of(
                "hook", 0, "pacing", 0, "length", 0, "aspect", 40, "picture", 0, "speech", 0, "sound", 0, "text", 0));

        PreSocialScore weighted = LocalAnalyzer.analyze(clip, aspectOnly).score();
        PreSocialScore usual =
                LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS).score();

        assertThat(weighted.value()).isEqualTo(40);
        assertThat(points(weighted, "aspect")).isEqualTo(40);
        assertThat(points(usual, "aspect")).isEqualTo(15);
        assertThat(weighted.explanation()).contains("aspect: vertical 9:16 fits Reels, TikTok and Shorts, +40");
    }

    @Test
    void theExplanationNamesEveryFeatureThatMovedTheScore() throws Exception {
        Path clip = TestMedia.mp4(
                dir.resolve("explained.mp4"), 360, 640, 4, TestMedia.PATTERN, TestMedia.recording(SPEECH));

        PreSocialScore score =
                LocalAnalyzer.analyze(clip, ScoreWeights.DEFAULTS).score();

        double total = score.contributions().stream()
                .mapToDouble(PreSocialScore.Contribution::points)
                .sum();
        assertThat(score.value()).isCloseTo(Math.min(100, total), org.assertj.core.data.Offset.offset(0.1));
        score.contributions().stream()
                .filter(c -> c.points() != 0)
                .forEach(contribution -> assertThat(score.explanationText()).contains(contribution.feature() + ": "));
        assertThat(score.explanation()).allMatch(line -> line.matches("[a-z]+: .+, [+-]\\d+"));
    }

    private static double points(PreSocialScore score, String feature) {
        return contributions(score).get(feature).points();
    }

    private static String reason(PreSocialScore score, String feature) {
        return contributions(score).get(feature).reason();
    }

    private static Map<String, PreSocialScore.Contribution> contributions(PreSocialScore score) {
        return score.contributions().stream().collect(Collectors.toMap(PreSocialScore.Contribution::feature, c -> c));
    }

    /** A detailed picture (stripes, checks, text) that differs clearly from one scene number to the next. */
    private static BufferedImage scene(int width, int height, int number) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.getHSBColor((number * 0.29f) % 1, 0.6f, number % 2 == 0 ? 0.85f : 0.35f));
        g.fillRect(0, 0, width, height);
        g.setColor(number % 2 == 0 ? Color.BLACK : Color.WHITE);
        for (int x = 0; x < width; x += 8) {
            for (int y = (x / 8 % 2) * 8; y < height / 2; y += 16) {
                g.fillRect(x, y, 8, 8);
            }
        }
        g.setFont(g.getFont().deriveFont(28f));
        g.drawString("Scene " + number, 20, height * 3 / 4);
        g.dispose();
        return image;
    }

    /** A soft gradient with a ball crossing it: no text, no face. */
    private static BufferedImage plain(int width, int height, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(200, 120, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval((index * 6) % (width - 60), height / 3, 60, 60);
        g.dispose();
        return image;
    }

    /** A burned-in caption, white on a dark band, in the lower quarter as short-video captions sit. */
    private static BufferedImage captioned(BufferedImage picture, String caption) {
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, picture.getWidth() / 14));
        java.awt.FontMetrics metrics = g.getFontMetrics();
        int x = (picture.getWidth() - metrics.stringWidth(caption)) / 2;
        int baseline = picture.getHeight() * 3 / 4 + metrics.getAscent();
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(x - 8, picture.getHeight() * 3 / 4 - 6, metrics.stringWidth(caption) + 16, metrics.getHeight() + 12);
        g.setColor(Color.WHITE);
        g.drawString(caption, x, baseline);
        g.dispose();
        return picture;
    }

    /** Stripes, checks and bars, detailed but without a letter. */
    private static BufferedImage textured(int width, int height, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 140, 90));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (int x = 0; x < width; x += 12) {
            for (int y = (x / 12 % 2) * 12; y < height / 3; y += 24) {
                g.fillRect(x, y, 12, 12);
            }
        }
        g.setColor(Color.WHITE);
        for (int y = height / 2; y < height * 2 / 3; y += 6) {
            g.fillRect(0, y, width, 3);
        }
        g.setColor(new Color(230, 200, 40));
        g.fillRect(width / 5 + index % 40, height * 3 / 4, width / 2, height / 12);
        g.dispose();
        return image;
    }

    private static BufferedImage blurred(BufferedImage sharp) {
        int width = sharp.getWidth();
        int height = sharp.getHeight();
        BufferedImage small = new BufferedImage(width / 12, height / 12, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D down = small.createGraphics();
        down.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        down.drawImage(sharp, 0, 0, small.getWidth(), small.getHeight(), null);
        down.dispose();
        BufferedImage blurred = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D up = blurred.createGraphics();
        up.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        up.drawImage(small, 0, 0, width, height, null);
        up.dispose();
        return blurred;
    }
}
