package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishRequest;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/**
 * One platform's publishing protocol. The runner drives every platform the same way: it asks {@link #quotaWait}
 * before anything is created, persists the id {@link #start} answers before anything else happens, and then lets
 * {@link #complete} take that id to a live post. After a crash {@link #complete} is called again with the stored id:
 * it must find out where the platform is and never make a second post. Adapters talk only to their configured base
 * URL, and every failure is a {@link PublishFailure} whose stage says where it happened.
 */
public interface PlatformAdapter {

    Platform platform();

    /** Empty if the account may start a publish now; otherwise when to look again. Over quota is a wait, not a failure. */
    Uni<Optional<Instant>> quotaWait(PublishRequest request, String token, QuotaLedger ledger);

    /** Creates the container, upload or submission on the platform and answers its id. */
    Uni<String> start(PublishRequest request, String token);

    /** Takes a started item to a live post, publishing it if that is a separate step, and never twice. */
    Uni<LivePost> complete(PublishRequest request, String token, String handle);

    /**
     * New tokens for a connection whose access token is about to expire. A refresh the platform refuses for good
     * (revoked, expired refresh token) fails with a non-retryable {@link PublishFailure}.
     */
    Uni<TokenGrant> refresh(String accessToken, String refreshToken);

    /** Whether this platform's tokens expire and are refreshed by the publisher at all. */
    default boolean refreshesTokens() {
        return true;
    }
}
