package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A platform connection's token could not be refreshed and a person must connect the account again; until then
 * the connection refuses to publish.
 *
 * @param reason why the refresh failed, in the shape publish errors have (stage {@code refresh})
 */
public record ConnectionNeedsReauth(
        UUID connectionId, Platform platform, String accountId, PublishError reason, Instant at)
        implements PipelineEvent {

    public ConnectionNeedsReauth {
        Required.fields(
                "connectionId", connectionId, "platform", platform, "accountId", accountId, "reason", reason, "at", at);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
