package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentTopicsTest {

    private final CommentTerms terms = new CommentTerms(Set.of("love", "good", "amazing", "salty"));

    @Test
    void aWordSeveralCommentsUseIsATopicAndOnePersonsWordIsNot() {
        CommentTopics topics = CommentTopics.of(List.of(
                terms.of("Recipe please"),
                terms.of("I tried the recipes, love them"),
                terms.of("the sauce was too salty"),
                terms.of("Where did you buy the bowl?"),
                terms.of("what's in the sauce? the RECIPE looks good")));

        assertThat(topics.topics())
                .extracting(CommentTopics.Topic::tag, CommentTopics.Topic::comments)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recipe", 3),
                        org.assertj.core.groups.Tuple.tuple("sauce", 2));
        assertThat(topics.tagsOf(terms.of("Amazing sauce, and the recipe!"))).containsExactly("recipe", "sauce");
        assertThat(topics.tagsOf(terms.of("Where did you buy the bowl?"))).isEmpty();
    }

    @Test
    void termsLeaveOutFeelingsFunctionWordsHandlesAndLinksAndFoldPlurals() {
        assertThat(terms.of("I LOVE these bowls @chef_ana!! https://example.com/x #vegan 2024 so good"))
                .containsExactly("bowl", "vegan");
        assertThat(terms.of("")).isEmpty();
        assertThat(terms.of("🔥🔥🔥")).isEmpty();
    }

    @Test
    void aCommentCarriesAtMostThreeTagsInTopicRank() {
        List<List<String>> comments =
                List.of(List.of("a1", "b2", "c3", "d4"), List.of("a1", "b2", "c3", "d4"), List.of("a1", "b2", "c3"));
        CommentTopics topics = CommentTopics.of(comments);
        assertThat(topics.tagsOf(List.of("d4", "c3", "b2", "a1"))).containsExactly("a1", "b2", "c3");
    }
}
