package io.contentfactory.metrics.domain;

import java.time.Instant;
import java.util.Optional;

/** A post's comments stored so far: when the newest was written, and how many there are. */
public record StoredComments(Optional<Instant> newest, long count) {

    public static final StoredComments NONE = new StoredComments(Optional.empty(), 0);

    /**
     * Whether the platform's count says there is nothing new to read: it counts exactly what is stored. A deleted
     * comment and a new one in the same interval cancel out; the next checkpoint whose count differs reads them.
     */
    public boolean allOf(Long platformCount) {
        return platformCount != null && platformCount == count;
    }
}
