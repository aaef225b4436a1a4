package io.contentfactory.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegsTest {

    @Test
    void aWidePictureIsScaledDownToTheWidthKeepingItsShape() throws Exception {
        BufferedImage jpeg = decode(Jpegs.fitted(picture(2000, 1000, false), 1440, 0.9f));

        assertThat(jpeg.getWidth()).isEqualTo(1440);
        assertThat(jpeg.getHeight()).isEqualTo(720);
    }

    @Test
    void aSmallPictureIsNeverScaledUpAndTransparencyBecomesWhite() throws Exception {
        byte[] bytes = Jpegs.fitted(picture(300, 200, true), 1440, 0.9f);
        BufferedImage jpeg = decode(bytes);

        assertThat(bytes[0] & 0xff).isEqualTo(0xFF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xD8);
        assertThat(jpeg.getWidth()).isEqualTo(300);
        Color corner = new Color(jpeg.getRGB(5, 5));
        assertThat(corner.getRed()).isGreaterThan(245);
        assertThat(corner.getGreen()).isGreaterThan(245);
        assertThat(corner.getBlue()).isGreaterThan(245);
        Color middle = new Color(jpeg.getRGB(150, 100));
        assertThat(middle.getRed()).isGreaterThan(200);
        assertThat(middle.getGreen()).isLessThan(60);
    }

    /** Red in its middle third; transparent around it, or black. */
    private static BufferedImage picture(int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(
                width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        return image;
    }

    private static BufferedImage decode(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
