package io.contentfactory.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.publisher.domain.CaptionComposer;
import io.contentfactory.publisher.domain.PublishFailure;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaptionComposerTest {

    @Test
    void bodyDisclosureAndNormalisedHashtagsAreJoinedInThatOrder() {
        String caption = CaptionComposer.compose(
                new CaptionParts(
                        "  Green bowl  ",
                        "#ad Paid partnership",
                        List.of("recipes", "#Recipes", "##healthy food", " vegan ")),
                Platform.INSTAGRAM);
        assertThat(caption).isEqualTo("Green bowl\n\n#ad Paid partnership\n\n#recipes #healthyfood #vegan");
    }

    @Test
    void moreThanThirtyDistinctHashtagsAreRefusedForInstagram() {
        List<String> tags = IntStream.range(0, 31).mapToObj(i -> "tag" + i).toList();
        assertThatThrownBy(() -> CaptionComposer.compose(new CaptionParts("Body", null, tags), Platform.INSTAGRAM))
                .isInstanceOfSatisfying(PublishFailure.class, failure -> {
                    assertThat(failure.error().code()).isEqualTo("too_many_hashtags");
                    assertThat(failure.error().stage()).isEqualTo("asset_preflight");
                    assertThat(failure.error().retryable()).isFalse();
                });
        List<String> duplicates = IntStream.range(0, 60)
                .mapToObj(i -> i % 2 == 0 ? "tag" + i / 2 : "#TAG" + i / 2)
                .toList();
        assertThat(CaptionComposer.compose(new CaptionParts("Body", null, duplicates), Platform.INSTAGRAM)
                        .split("#", -1))
                .hasSize(31);
    }

    @Test
    void anOverlongCaptionIsRefusedNotCut() {
        assertThat(CaptionComposer.compose(new CaptionParts("x".repeat(2200), null, List.of()), Platform.INSTAGRAM))
                .hasSize(2200);
        assertThatThrownBy(() -> CaptionComposer.compose(
                        new CaptionParts("x".repeat(2195), null, List.of("tag")), Platform.INSTAGRAM))
                .isInstanceOfSatisfying(
                        PublishFailure.class,
                        failure -> assertThat(failure.error().code()).isEqualTo("caption_too_long"));
        assertThat(CaptionComposer.compose(new CaptionParts("x".repeat(4000), null, List.of("tag")), Platform.YOUTUBE))
                .hasSize(4006);
    }
}
