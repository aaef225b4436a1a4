package io.contentfactory.metrics.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post's comments grouped by what they talk about. The method, kept simple enough to explain to a user:
 * <ol>
 *   <li>each comment is reduced to its content terms ({@link CommentTerms});
 *   <li>a term becomes one of the post's topics when at least {@link #MIN_COMMENTS} comments, and at least
 *       {@link #MIN_SHARE} of them, use it: one person's word is not a topic;
 *   <li>topics rank by how many comments use them (ties alphabetically), and the post keeps its {@link #MAX_TOPICS}
 *       first;
 *   <li>each comment is tagged with the post's topics it uses, at most {@link #MAX_TAGS}, in topic rank. Comments
 *       sharing a tag form that topic's cluster.
 * </ol>
 * Across a project, topics rank by how many posts' comments carry them, then by how many comments.
 */
public final class CommentTopics {

    static final int MIN_COMMENTS = 2;
    static final double MIN_SHARE = 0.03;
    static final int MAX_TOPICS = 10;
    static final int MAX_TAGS = 3;

    /** One topic of a post, and how many of its comments use it. */
    public record Topic(String tag, int comments) {}

    private final List<Topic> topics;

    private CommentTopics(List<Topic> topics) {
        this.topics = topics;
    }

    /** The topics of a post whose comments have these terms (one list per comment). */
    public static CommentTopics of(List<List<String>> termsPerComment) {
        Map<String, Integer> uses = new HashMap<>();
        for (List<String> terms : termsPerComment) {
            Set.copyOf(terms).forEach(term -> uses.merge(term, 1, Integer::sum));
        }
        int threshold = Math.max(MIN_COMMENTS, (int) Math.ceil(MIN_SHARE * termsPerComment.size()));
        List<Topic> ranked = uses.entrySet().stream()
                .filter(use -> use.getValue() >= threshold)
                .map(use -> new Topic(use.getKey(), use.getValue()))
                .sorted(Comparator.comparingInt(Topic::comments).reversed().thenComparing(Topic::tag))
                .limit(MAX_TOPICS)
                .toList();
        return new CommentTopics(ranked);
    }

    public List<Topic> topics() {
        return topics;
    }

    /** A comment's tags: the post's topics among its terms, in topic rank. */
    public List<String> tagsOf(List<String> terms) {
        Set<String> own = Set.copyOf(terms);
        return topics.stream()
                .map(Topic::tag)
                .filter(own::contains)
                .limit(MAX_TAGS)
                .toList();
    }

    /** Tags for every comment, by the key the caller gave each one's terms. */
    public <K> Map<K, List<String>> tagsOf(Map<K, List<String>> termsByComment) {
        Map<K, List<String>> tags = new LinkedHashMap<>();
        termsByComment.forEach((key, terms) -> tags.put(key, tagsOf(terms)));
        return tags;
    }
}
