package io.contentfactory.analysis.frames;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decoded frames as pictures. The grabber is asked for packed BGR, and rows are copied by their stride: JavaCV's own
 * converter infers the channel count from the stride, which padding makes wrong for narrow pictures (32 pixels wide
 * shows as 6 channels).
 */
final class Pictures {

    private Pictures() {}

    static void askForBgr(FFmpegFrameGrabber grabber) {
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    }

    static BufferedImage of(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        int stride = frame.imageStride > 0 ? frame.imageStride : width * 3;
        for (int y = 0; y < height; y++) {
            source.position(y * stride);
            source.get(target, y * width * 3, width * 3);
        }
        return image;
    }
}
