package io.contentfactory.publisher.platform;

import java.time.Duration;

/** How a platform is polled: every {@code interval}, at most {@code attempts} times and within {@code deadline}. */
public interface PollPolicy {
    Duration interval();

    int attempts();

    Duration deadline();
}
