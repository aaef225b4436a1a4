package io.contentfactory.kit.timer;

import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/**
 * A leased timer row; {@code epoch} fences the fire against a later claim of the same row. {@code row} is what the
 * claim read along with it, for a timer that reads with its claim ({@link DurableTimer#readingWithClaim}); else null.
 */
public record TimerClaim(UUID id, UUID projectId, long epoch, Row row) {

    public TimerClaim(UUID id, UUID projectId, long epoch) {
        this(id, projectId, epoch, null);
    }

    @Override
    public String toString() {
        return "TimerClaim[" + id + " of project " + projectId + ", epoch " + epoch + "]";
    }
}
