package io.contentfactory.ingest.bench;

import io.contentfactory.testkit.GeneratedBytes;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Ingest throughput on this machine, through the real upload route into the filesystem store: MB/s for large files
 * (streamed, hashed, staged, probed, renamed into place, registered) and files per second for many small images
 * (each also probed by FFmpeg and announced through the outbox). Reports figures; asserts only that every upload
 * was accepted. Run: ./mvnw -Pbench -pl ingest-service test -Dtest=IngestBench (-Dbench.ingest.large-rounds=0
 * -Dbench.ingest.small-rounds=4 measures the small images alone, warm after the first round).
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class IngestBench {

    private static final InternalTokens TOKENS = InternalTokens.forService("ingest-service");
    private static final long LARGE = 512L * 1024 * 1024;
    private static final int SMALL_FILES = Integer.getInteger("bench.ingest.small-files", 2_000);
    private static final int SMALL_ROUNDS = Integer.getInteger("bench.ingest.small-rounds", 1);
    private static final int LARGE_ROUNDS = Integer.getInteger("bench.ingest.large-rounds", 3);
    private static final int CLIENTS = 4;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void largeFilesAndManySmallImages() throws Exception {
        UUID project = UUID.randomUUID();
        String token = TOKENS.valid(project, "write");
        upload(token, "warm-up.bin", GeneratedBytes.random(16 * 1024 * 1024, 1), 16 * 1024 * 1024);

        for (int round = 1; round <= LARGE_ROUNDS; round++) {
            long start = System.nanoTime();
            int status = upload(token, "large-" + round + ".bin", GeneratedBytes.random(LARGE, round + 1), LARGE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH ingest large file %d: %d MiB in %.2f s = %.0f MB/s (HTTP %d)%n",
                    round, LARGE >> 20, seconds, LARGE / 1e6 / seconds, status);
        }

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= SMALL_ROUNDS; round++) {
                uploadSmallImages(token, images(round), clients, round);
            }
        } finally {
            clients.shutdown();
        }
    }

    /** Images of sizes no other round uses, so that no upload is refused as a duplicate. */
    private static List<byte[]> images(int round) {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < SMALL_FILES; i++) {
            images.add(TestMedia.jpeg(64 + i % 50, 64 + i / 50 + (round - 1) * (SMALL_FILES / 50)));
        }
        return images;
    }

    private void uploadSmallImages(String token, List<byte[]> images, ExecutorService clients, int round)
            throws Exception {
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i);
            String name = "small-" + round + "-" + i + ".jpg";
            results.add(
                    clients.submit(() -> upload(token, name, new java.io.ByteArrayInputStream(image), image.length)));
        }
        int accepted = 0;
        for (Future<Integer> result : results) {
            accepted += result.get() == 201 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH ingest small images, round %d: %d JPEGs (%d accepted) with %d clients in %.2f s = %.0f files/s%n",
                round, images.size(), accepted, CLIENTS, seconds, images.size() / seconds);
        if (accepted != images.size()) {
            throw new AssertionError("only " + accepted + " of " + images.size() + " uploads were ingested");
        }
    }

    private int upload(String token, String name, InputStream body, long length) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("/v1/media?fileName=" + name))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
