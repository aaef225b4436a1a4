package io.contentfactory.publisher.platform;

import io.contentfactory.kit.db.SafeContext;
import io.contentfactory.publisher.domain.PublishFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bounded polling on Vert.x timers: no thread waits between two checks, so thousands of jobs can poll at once.
 */
public final class Poller {

    private Poller() {}

    /**
     * Asks {@code check} until it answers a value, every interval, at most {@code attempts} times and not past the
     * deadline; then fails with a retryable {@code <what>_timeout} at stage {@code poll}.
     */
    public static <T> Uni<T> until(
            Vertx vertx,
            PollPolicy policy,
            String what,
            Map<String, Object> details,
            Supplier<Uni<Optional<T>>> check) {
        Instant deadline = Instant.now().plus(policy.deadline());
        return attempt(vertx, policy, what, details, check, 1, deadline);
    }

    private static <T> Uni<T> attempt(
            Vertx vertx,
            PollPolicy policy,
            String what,
            Map<String, Object> details,
            Supplier<Uni<Optional<T>>> check,
            int attempt,
            Instant deadline) {
        return check.get().chain(answer -> {
            if (answer.isPresent()) {
                return Uni.createFrom().item(answer.get());
            }
            if (attempt >= policy.attempts()
                    || Instant.now().plus(policy.interval()).isAfter(deadline)) {
                return Uni.createFrom()
                        .failure(new PublishFailure(
                                what + "_timeout",
                                what + " was still processing after " + attempt + " checks (limit " + policy.attempts()
                                        + " checks, " + policy.deadline() + ")",
                                "poll",
                                true,
                                details));
            }
            return SafeContext.delay(vertx, policy.interval())
                    .chain(() -> attempt(vertx, policy, what, details, check, attempt + 1, deadline));
        });
    }
}
