package io.contentfactory.coach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostingHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void theBestHoursAreTheLocalBlockWhosePostsScoredHighest() {
        List<PostingHistory.PublishedPost> posts = new ArrayList<>();
        // 18:30 and 19:30 in Berlin (UTC+1 in winter) score 80 and 90; the mornings score 40-50.
        posts.add(post("instagram", "2026-12-01T17:30:00Z", 80.0));
        posts.add(post("instagram", "2026-12-02T18:30:00Z", 90.0));
        posts.add(post("tiktok", "2026-12-01T08:00:00Z", 40.0));
        posts.add(post("tiktok", "2026-12-02T08:30:00Z", 50.0));
        posts.add(post("tiktok", "2026-12-03T09:00:00Z", 45.0));
        posts.add(post("instagram", "2026-12-03T13:00:00Z", 60.0));
        posts.add(post("youtube", "2026-12-03T13:30:00Z", null));

        BriefContent.PostingGuidance guidance =
                new PostingHistory(BERLIN, posts).guidance(List.of("instagram", "x"), NOW);

        assertThat(guidance.timeWindowHint())
                .isEqualTo("Post between 18:00 and 21:00 (Europe/Berlin): your 2 posts published then scored 85 on"
                        + " average at +24h, against 61 across all 6 measured posts.");
        assertThat(guidance.platformPriority()).containsExactly("instagram", "tiktok", "youtube", "x");
        assertThat(guidance.frequency()).startsWith("About 2 posts a week").contains("(7 posts)");
    }

    @Test
    void tooFewMeasuredPostsNameNoHours() {
        List<PostingHistory.PublishedPost> posts = List.of(
                post("instagram", "2026-12-01T17:30:00Z", 80.0), post("instagram", "2026-12-02T18:30:00Z", null));

        PostingHistory history = new PostingHistory(BERLIN, posts);

        assertThat(history.timeWindowHint())
                .startsWith("Not enough measured posts to name your best hours yet (1 of 6");
    }

    @Test
    void postsSpreadOneABlockNameNoHours() {
        List<PostingHistory.PublishedPost> posts = new ArrayList<>();
        for (int hour = 0; hour < 24; hour += 3) {
            posts.add(post("instagram", String.format("2026-12-01T%02d:00:00Z", hour), 50.0 + hour));
        }

        assertThat(new PostingHistory(ZoneId.of("UTC"), posts).timeWindowHint())
                .startsWith("Your 8 measured posts are spread too thin");
    }

    @Test
    void theCadenceIsCountedOverFourWeeks() {
        PostingHistory one = new PostingHistory(BERLIN, List.of(post("instagram", "2026-12-01T17:30:00Z", null)));
        List<PostingHistory.PublishedPost> weekly = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            weekly.add(post("instagram", String.format("2026-11-%02dT10:00:00Z", day * 7), null));
        }

        assertThat(one.frequency(NOW)).startsWith("Fewer than one post a week over the last 4 weeks (1 in all)");
        assertThat(new PostingHistory(BERLIN, weekly).frequency(NOW))
                .startsWith("About one post a week")
                .contains("(4 posts)");
    }

    @Test
    void nothingPublishedLatelySaysSo() {
        PostingHistory history = new PostingHistory(BERLIN, List.of(post("instagram", "2026-10-01T17:30:00Z", 80.0)));

        assertThat(history.frequency(NOW)).startsWith("No posts were published in the last 4 weeks");
    }

    private static PostingHistory.PublishedPost post(String platform, String at, Double score) {
        return new PostingHistory.PublishedPost(platform, Instant.parse(at), score);
    }
}
