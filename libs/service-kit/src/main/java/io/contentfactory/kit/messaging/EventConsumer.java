package io.contentfactory.kit.messaging;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.MalformedEventException;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.kit.inbox.Inbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Runs an event handler exactly once per event id: decode, then in one transaction bind the event's project,
 * record the id in the inbox and apply the effect. Transient failures are retried with exponential backoff; a malformed
 * event is not. A failure that survives the retries fails the returned {@link Uni}, which nacks the Kafka
 * message, and the channel's {@code dead-letter-queue} strategy moves it, with its reason, to the dead-letter topic.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final TenantScope tenantScope;
    private final ConsumerConfig config;

    EventConsumer(Inbox inbox, TenantScope tenantScope, ConsumerConfig config) {
        this.inbox = inbox;
        this.tenantScope = tenantScope;
        this.config = config;
    }

    public <T extends PipelineEvent> Uni<Void> consume(String consumer, String rawEvent, Class<T> dataType,
            EventHandler<T> handler) {
        return consume(consumer, rawEvent, dataType, (context, data) -> Uni.createFrom().voidItem(),
                (context, data, nothing) -> handler.handle(context, data));
    }

    /**
     * The same, for an effect whose slow part (fetching, computing, calling other services) must not hold a
     * transaction open: {@code prepare} runs first, outside any transaction, and what it returns is applied in the
     * transaction that records the event. A redelivered or retried event is prepared again, so preparing must leave
     * nothing behind that matters twice.
     */
    public <T extends PipelineEvent, P> Uni<Void> consume(String consumer, String rawEvent, Class<T> dataType,
            BiFunction<EventContext, T, Uni<P>> prepare, PreparedHandler<T, P> handler) {
        return decoded(consumer, rawEvent, dataType, (envelope, context, data) -> Uni.createFrom().deferred(() -> prepare.apply(context, data))
                .chain(prepared -> Panache.withTransaction(() -> tenantScope.bind(envelope.projectid())
                        .chain(() -> inbox.firstDelivery(consumer, envelope))
                        .chain(first -> first ? handler.handle(context, data, prepared) : skipDuplicate(consumer, envelope)))));
    }

    /**
     * The same, in a transaction of the Vert.x pool bound to the event's project, without Hibernate: for a busy
     * consumer whose effect is a few statements. The handler runs its statements on the connection it is given.
     */
    public <T extends PipelineEvent> Uni<Void> consumeOnPool(String consumer, String rawEvent, Class<T> dataType,
            ConnectionHandler<T> handler) {
        return decoded(consumer, rawEvent, dataType, (envelope, context, data) -> tenantScope.inProject(envelope.projectid(),
                connection -> inbox.firstDelivery(connection, consumer, envelope)
                        .chain(first -> first ? handler.handle(connection, context, data) : skipDuplicate(consumer, envelope))));
    }

    /** The effect of one event on a pool connection, inside the transaction that records the event as processed. */
    @FunctionalInterface
    public interface ConnectionHandler<T extends PipelineEvent> {
        Uni<Void> handle(SqlConnection connection, EventContext context, T data);
    }

    private interface Processing<T> {
        Uni<Void> run(CloudEvent envelope, EventContext context, T data);
    }

    /** Decodes the event (a malformed one fails at once) and runs its processing, retrying transient failures. */
    private <T extends PipelineEvent> Uni<Void> decoded(String consumer, String rawEvent, Class<T> dataType, Processing<T> processing) {
        CloudEvent envelope;
        T data;
        try {
            envelope = EventCodec.parse(rawEvent);
            data = EventCodec.data(envelope, dataType);
        } catch (MalformedEventException e) {
            LOG.warnf("%s: malformed event goes to the dead-letter topic: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        EventContext context = EventContext.of(envelope);
        return Uni.createFrom().deferred(() -> processing.run(envelope, context, data))
                .onFailure(EventConsumer::retryable)
                .invoke(failure -> LOG.warnf("%s: event %s failed, retrying: %s", consumer, envelope.id(), failure.toString()))
                .onFailure(EventConsumer::retryable)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries());
    }

    /** Applies what was prepared for one event, inside the transaction that records it as processed. */
    @FunctionalInterface
    public interface PreparedHandler<T extends PipelineEvent, P> {
        Uni<Void> handle(EventContext context, T data, P prepared);
    }

    private static boolean retryable(Throwable failure) {
        return !(failure instanceof MalformedEventException || failure instanceof PermanentFailure);
    }

    private Uni<Void> skipDuplicate(String consumer, CloudEvent envelope) {
        LOG.debugf("%s: event %s was already processed", consumer, envelope.id());
        return Uni.createFrom().voidItem();
    }
}
