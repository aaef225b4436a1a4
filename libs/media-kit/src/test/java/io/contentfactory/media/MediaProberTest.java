package io.contentfactory.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.testkit.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProberTest {

    @TempDir
    Path dir;

    @Test
    void aVideoWithAToneReportsItsContainerCodecsDurationSizeRateAndAudio() throws Exception {
        Path clip = TestMedia.mp4(dir.resolve("clip"), 320, 568, 2);

        MediaProbe probe = MediaProber.probe(clip);

        assertThat(probe.container()).contains("mp4");
        assertThat(probe.videoCodec()).isEqualTo("mpeg4");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.durationSec()).isBetween(1.9, 2.2);
        assertThat(probe.resolution()).isEqualTo("320x568");
        assertThat(probe.frameRate()).isEqualTo(25.0);
        assertThat(probe.isStill()).isFalse();
    }

    @Test
    void stillImagesAreProbedWithTheirCodecAndNoDuration() throws Exception {
        Path jpeg = Files.write(dir.resolve("photo"), TestMedia.jpeg(640, 800));
        Path png = Files.write(dir.resolve("graphic"), TestMedia.png(300, 200));

        MediaProbe jpegProbe = MediaProber.probe(jpeg);
        MediaProbe pngProbe = MediaProber.probe(png);

        assertThat(jpegProbe.isStill()).isTrue();
        assertThat(jpegProbe.videoCodec()).isEqualTo("mjpeg");
        assertThat(jpegProbe.resolution()).isEqualTo("640x800");
        assertThat(jpegProbe.hasAudio()).isFalse();
        assertThat(pngProbe.isStill()).isTrue();
        assertThat(pngProbe.videoCodec()).isEqualTo("png");
        assertThat(pngProbe.resolution()).isEqualTo("300x200");
    }

    @Test
    void aTruncatedVideoTextAndNothingAreUndecodable() throws Exception {
        Path clip = TestMedia.mp4(dir.resolve("whole"), 320, 240, 2);
        Path truncated = Files.write(dir.resolve("truncated"), TestMedia.truncated(clip, 0.6));
        Path text =
                Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(40), StandardCharsets.UTF_8);
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);

        for (Path bad : new Path[] {truncated, text, empty}) {
            assertThatThrownBy(() -> MediaProber.probe(bad))
                    .as(bad.getFileName().toString())
                    .isInstanceOf(UndecodableMediaException.class);
        }
    }
}
