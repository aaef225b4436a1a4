package io.contentfactory.kit.messaging;

import io.contentfactory.contracts.events.PipelineEvent;
import io.smallrye.mutiny.Uni;

/** The effect of one event; it runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler<T extends PipelineEvent> {
    Uni<Void> handle(EventContext context, T data);
}
