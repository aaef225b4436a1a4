package io.contentfactory.publisher.domain;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** Our own record of what an account started, for platforms whose quotas we must count ourselves. */
public interface QuotaLedger {

    /** How many publishes this account started on this platform since {@code since}, and when the oldest of them did. */
    Uni<Starts> startsSince(Instant since);

    record Starts(long count, Instant oldest) {}
}
