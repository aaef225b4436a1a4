package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.domain.CommentsFetch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * TikTok's public (Display) API has no comments endpoint: only its Research API, open to qualifying researchers,
 * lists them. That is the platform's limit, said as such, never a count of zero.
 */
@ApplicationScoped
public class TikTokComments implements CommentsReader {

    @Override
    public boolean exposesComments() {
        return false;
    }

    static final String LIMIT = "TikTok's public Display API does not expose comments (only its Research API does,"
            + " for qualifying researchers)";

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public Uni<CommentsFetch> newest(
            java.util.UUID projectId, String externalPostId, String token, Instant since, int maxPages) {
        return Uni.createFrom().item(new CommentsFetch.NotReadable(LIMIT));
    }
}
