package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;

/** Reads one live post's numbers from its platform. Each platform's reader takes a base URL only. */
public interface InsightsReader {

    Platform platform();

    /**
     * One attempt. Every platform answer becomes a {@link Reading}; the returned Uni fails only for a bug of ours.
     *
     * @param format the post's format on the wire ({@code feed_image}, {@code reel}, …)
     * @param token  the account's read token
     */
    Uni<Reading> read(String externalPostId, String format, String token);
}
