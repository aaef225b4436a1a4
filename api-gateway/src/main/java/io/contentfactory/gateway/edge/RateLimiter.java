package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets per key and per project, on this gateway instance. A request needs a token from both; when one is
 * empty, the answer says how long until it refills. A project's own limits (projects.rate_limit_*) override the
 * defaults for its project bucket.
 */
@ApplicationScoped
public class RateLimiter {

    private final double keyRate;
    private final double keyBurst;
    private final double projectRate;
    private final double projectBurst;
    private final Map<UUID, Bucket> keyBuckets = new ConcurrentHashMap<>();
    private final Map<UUID, Bucket> projectBuckets = new ConcurrentHashMap<>();

    RateLimiter(
            @ConfigProperty(name = "factory.gateway.rate-limit.key-per-second") double keyRate,
            @ConfigProperty(name = "factory.gateway.rate-limit.key-burst") double keyBurst,
            @ConfigProperty(name = "factory.gateway.rate-limit.project-per-second") double projectRate,
            @ConfigProperty(name = "factory.gateway.rate-limit.project-burst") double projectBurst) {
        this.keyRate = keyRate;
        this.keyBurst = keyBurst;
        this.projectRate = projectRate;
        this.projectBurst = projectBurst;
    }

    /** Empty if allowed; otherwise how long to wait before retrying. */
    public Optional<Duration> acquire(Principal principal) {
        double rate = principal.rateLimitPerSecond() != null ? principal.rateLimitPerSecond() : projectRate;
        double burst = principal.rateLimitBurst() != null ? principal.rateLimitBurst() : projectBurst;
        Bucket project = projectBuckets.computeIfAbsent(principal.projectId(), id -> new Bucket(rate, burst));
        Bucket key = keyBuckets.computeIfAbsent(principal.keyId(), id -> new Bucket(keyRate, keyBurst));
        project.reconfigure(rate, burst);
        long now = System.nanoTime();
        Optional<Duration> keyWait = key.take(now);
        if (keyWait.isPresent()) {
            return keyWait;
        }
        Optional<Duration> projectWait = project.take(now);
        if (projectWait.isPresent()) {
            key.giveBack();
        }
        return projectWait;
    }

    static final class Bucket {
        private double rate;
        private double capacity;
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double rate, double capacity) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        synchronized void reconfigure(double newRate, double newCapacity) {
            rate = newRate;
            capacity = newCapacity;
            tokens = Math.min(tokens, capacity);
        }

        synchronized Optional<Duration> take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * rate);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / rate * 1e9)));
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }
    }
}
