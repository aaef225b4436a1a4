package io.contentfactory.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a benchmark's condition while sampling a service's used heap every 100 ms from its Prometheus endpoint
 * ({@code /q/metrics}), and whatever else {@code alsoSample} looks at in the same beat.
 */
public final class HeapSampler {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private long maxHeap;

    public HeapSampler(AppProcess service) {
        this.endpoint = URI.create(service.baseUrl() + "/q/metrics");
    }

    /** The highest used heap seen, in bytes. */
    public long maxHeap() {
        return maxHeap;
    }

    public void until(BooleanSupplier done, Duration timeout) throws Exception {
        until(done, timeout, () -> {});
    }

    public void until(BooleanSupplier done, Duration timeout, Runnable alsoSample) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done within " + timeout);
            }
            alsoSample.run();
            maxHeap = Math.max(maxHeap, heap());
            Thread.sleep(100);
        }
    }

    private long heap() throws Exception {
        String body = http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
