package io.contentfactory.coach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BriefRulesTest {

    private static final BriefContent.PostingGuidance GUIDANCE =
            new BriefContent.PostingGuidance(List.of("tiktok", "instagram"), "About 3 posts a week", "Not enough");

    @Test
    void aPromptBecomesABriefNamedByItsFirstClause() {
        BriefRules.Draft draft = BriefRules.fromPrompt(
                "Remake the demo clip that did best as a carousel, one slide a step.", null, GUIDANCE);

        BriefContent content = draft.content();
        assertThat(content.angleName()).isEqualTo("Remake the demo clip that did best as a carousel");
        assertThat(content.corePromise())
                .isEqualTo("Remake the demo clip that did best as a carousel, one slide a step.");
        assertThat(content.targetAudience()).isEqualTo("People who follow this project on tiktok, instagram");
        assertThat(content.hookIdeas())
                .first()
                .isEqualTo("\"Remake the demo clip that did best as a carousel: here is how, in under a minute.\"");
        assertThat(content.hookIdeas()).hasSize(3).noneMatch(hook -> hook.contains("…"));
        assertThat(content.postingGuidance()).isEqualTo(GUIDANCE);
        assertThat(draft.reference()).containsEntry("prompt", content.corePromise());
        assertThat(draft.evidence()).isEmpty();
    }

    @Test
    void aLongPromptIsCutToTwelveWordsAndTheAudienceGivenIsKept() {
        BriefRules.Draft draft = BriefRules.fromPrompt(
                "one two three four five six seven eight nine ten eleven twelve thirteen", " Solo creators ", GUIDANCE);

        assertThat(draft.content().angleName())
                .isEqualTo("One two three four five six seven eight nine ten eleven twelve");
        assertThat(draft.content().targetAudience()).isEqualTo("Solo creators");
    }
}
