package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Reads one live post's numbers from its platform. Each platform's reader takes a base URL only. */
public interface InsightsReader {

    Platform platform();

    /**
     * What to read: a post of one project's account at one checkpoint.
     *
     * @param format     the post's format on the wire ({@code feed_image}, {@code reel}, …)
     * @param checkpoint which checkpoint this is: YouTube reads its Analytics API from +72h, its statistics before
     * @param token      the account's read token
     */
    record PostRead(UUID projectId, String externalPostId, String format, Checkpoint checkpoint, String token) {
        @Override
        public String toString() {
            return "PostRead[" + projectId + ", " + externalPostId + ", " + format + ", " + checkpoint.label() + "]";
        }
    }

    /** One attempt. Every platform answer becomes a {@link Reading}; the returned Uni fails only for a bug of ours. */
    Uni<Reading> read(PostRead post);
}
