package io.contentfactory.kit.messaging;

import io.contentfactory.contracts.CloudEvent;
import java.time.Instant;
import java.util.UUID;

/** The envelope attributes a handler may need besides the event's data. */
public record EventContext(UUID eventId, UUID projectId, Instant time, String type, String source) {
    static EventContext of(CloudEvent envelope) {
        return new EventContext(
                envelope.id(), envelope.projectid(), envelope.time(), envelope.type(), envelope.source());
    }
}
