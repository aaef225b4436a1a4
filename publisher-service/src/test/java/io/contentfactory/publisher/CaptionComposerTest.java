package io.contentfactory.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.publisher.domain.CaptionComposer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaptionComposerTest {

    @Test
    void bodyDisclosureAndNormalisedHashtagsAreJoinedInThatOrder() {
        String caption = CaptionComposer.compose(new CaptionParts("  Green bowl  ", "#ad Paid partnership",
                List.of("recipes", "#Recipes", "##healthy food", " vegan ")), Platform.INSTAGRAM);
        assertThat(caption).isEqualTo("Green bowl\n\n#ad Paid partnership\n\n#recipes #healthyfood #vegan");
    }

    @Test
    void instagramKeepsAtMostThirtyHashtags() {
        List<String> tags = IntStream.range(0, 40).mapToObj(i -> "tag" + i).toList();
        String caption = CaptionComposer.compose(new CaptionParts("Body", null, tags), Platform.INSTAGRAM);
        assertThat(caption.split("#", -1)).hasSize(31);
    }

    @Test
    void anOverlongCaptionIsCutToThePlatformLimit() {
        String caption = CaptionComposer.compose(new CaptionParts("x".repeat(3000), null, List.of("tag")), Platform.INSTAGRAM);
        assertThat(caption).hasSize(2200).doesNotContain("#tag");
    }
}
