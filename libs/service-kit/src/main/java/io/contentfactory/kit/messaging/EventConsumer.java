package io.contentfactory.kit.messaging;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.MalformedEventException;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.inbox.Inbox;
import io.contentfactory.kit.tenancy.GroupCommit;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Runs an event handler exactly once per event id: decode, then in one transaction bind the event's project,
 * record the id in the inbox and apply the effect. An outage of the database is waited out for as long as it lasts
 * ({@link Outage}); other transient failures are retried with exponential backoff; a malformed event is not. A
 * failure of the event's own that survives the retries fails the returned {@link Uni}, which nacks the Kafka
 * message, and the channel's {@code dead-letter-queue} strategy moves it, with its reason, to the dead-letter topic.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** The part of a {@link #consumeAsOneWrite} statement that answers a row only on the event's first delivery. */
    public static final String FIRST_DELIVERY = "first_delivery";

    private final Inbox inbox;
    private final Map<String, NamedStatement> statements = new ConcurrentHashMap<>();
    private final TenantScope tenantScope;
    private final GroupCommit writes;
    private final ConsumerConfig config;
    private final Outage outage;
    private final ConsumerOutages outages;

    EventConsumer(
            Inbox inbox,
            TenantScope tenantScope,
            GroupCommit writes,
            ConsumerConfig config,
            Outage outage,
            ConsumerOutages outages) {
        this.outage = outage;
        this.outages = outages;
        this.inbox = inbox;
        this.tenantScope = tenantScope;
        this.writes = writes;
        this.config = config;
    }

    public <T extends PipelineEvent> Uni<Void> consume(
            String consumer, String rawEvent, Class<T> dataType, EventHandler<T> handler) {
        return consume(
                consumer,
                rawEvent,
                dataType,
                (context, data) -> Uni.createFrom().voidItem(),
                (context, data, nothing) -> handler.handle(context, data));
    }

    /**
     * The same, for an effect whose slow part (fetching, computing, calling other services) must not hold a
     * transaction open: {@code prepare} runs first, outside any transaction, and what it returns is applied in the
     * transaction that records the event. A redelivered or retried event is prepared again, so preparing must leave
     * nothing behind that matters twice. An event processed already is not prepared again (a redelivery after a
     * rebalance, say): its preparation may be costly, and may write what the event's first processing wrote.
     */
    public <T extends PipelineEvent, P> Uni<Void> consume(
            String consumer,
            String rawEvent,
            Class<T> dataType,
            BiFunction<EventContext, T, Uni<P>> prepare,
            PreparedHandler<T, P> handler) {
        return decoded(
                consumer,
                rawEvent,
                dataType,
                (envelope, context, data) -> Panache.withTransaction(() ->
                                tenantScope.bind(envelope.projectid()).chain(() -> inbox.processed(consumer, envelope)))
                        .chain(processed -> processed
                                ? skipDuplicate(consumer, envelope)
                                : Uni.createFrom()
                                        .deferred(() -> prepare.apply(context, data))
                                        .chain(prepared -> Panache.withTransaction(() -> tenantScope
                                                .bind(envelope.projectid())
                                                .chain(() -> inbox.firstDelivery(consumer, envelope))
                                                .chain(first -> first
                                                        ? handler.handle(context, data, prepared)
                                                        : skipDuplicate(consumer, envelope))))));
    }

    /**
     * The same, for an effect that is one statement: the inbox row and the effect are one data-modifying {@code WITH}
     * statement, committed together with the other writes of the moment ({@link GroupCommit}): the busiest consumers'
     * path. The effect's statement must change nothing unless {@link #FIRST_DELIVERY} has a row; its parameters are
     * named, and the inbox's names ({@code inbox_...}) are taken.
     */
    public <T extends PipelineEvent> Uni<Void> consumeAsOneWrite(
            String consumer, String rawEvent, Class<T> dataType, OneWrite<T> effect) {
        return decoded(consumer, rawEvent, dataType, (envelope, context, data) -> {
            Write write = effect.of(context, data);
            NamedStatement statement = statements.computeIfAbsent(
                    write.parts() + '\u0000' + write.statement(),
                    key -> NamedStatement.of("with " + inbox.firstDeliveryPart(FIRST_DELIVERY)
                            + (write.parts().isEmpty() ? "" : ", " + write.parts()) + " " + write.statement()));
            return writes.statementInProject(
                            envelope.projectid(),
                            statement,
                            Inbox.arguments(consumer, envelope).and(write.arguments()))
                    .replaceWithVoid();
        });
    }

    /**
     * One statement of an effect: {@code parts}, more parts of the {@code WITH} after {@link #FIRST_DELIVERY} (or
     * empty), then {@code statement}; {@code arguments} are the values of their named parameters. An effect has a
     * few shapes of statement, each compiled once.
     */
    public record Write(String parts, String statement, Arguments arguments) {}

    /** The statement an event's effect is. */
    @FunctionalInterface
    public interface OneWrite<T extends PipelineEvent> {
        Write of(EventContext context, T data);
    }

    private interface Processing<T> {
        Uni<Void> run(CloudEvent envelope, EventContext context, T data);
    }

    /** Decodes the event (a malformed one fails at once) and runs its processing, retrying transient failures. */
    private <T extends PipelineEvent> Uni<Void> decoded(
            String consumer, String rawEvent, Class<T> dataType, Processing<T> processing) {
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
        return outlastingOutages(
                        consumer, envelope, Uni.createFrom().deferred(() -> processing.run(envelope, context, data)))
                .onFailure(EventConsumer::retryable)
                .invoke(failure ->
                        LOG.warnf("%s: event %s failed, retrying: %s", consumer, envelope.id(), failure.toString()))
                .onFailure(EventConsumer::retryable)
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(config.maxRetries());
    }

    /**
     * An outage (the database unreachable, restarting or out of connections) is waited out, however long it lasts,
     * with a capped backoff: the event is held, so its partition pauses and keeps its order, readiness is down
     * meanwhile, and nothing goes to the dead-letter topic. Only the event's own failures count towards it.
     */
    private Uni<Void> outlastingOutages(String consumer, CloudEvent envelope, Uni<Void> processing) {
        boolean[] waiting = {false};
        return processing
                .onFailure(outage::is)
                .invoke(failure -> {
                    outages.tried(consumer);
                    if (!waiting[0]) {
                        waiting[0] = true;
                        outages.started(consumer);
                        LOG.warnf(
                                "%s: event %s waits for the database: %s", consumer, envelope.id(), failure.toString());
                    }
                })
                .onFailure(failure -> outage.is(failure) && !outages.stopping())
                .retry()
                .withBackOff(config.initialBackoff(), config.maxOutageBackoff())
                .indefinitely()
                // The service is stopping and its pool closing: the event is neither acknowledged nor dead-lettered, so
                // it is delivered again after the restart (the inbox keeps that from applying it twice).
                .onFailure(outage::is)
                .recoverWithUni(() -> Uni.createFrom().nothing())
                .onTermination()
                .invoke(() -> {
                    if (waiting[0]) {
                        waiting[0] = false;
                        outages.ended(consumer);
                        LOG.infof("%s: event %s goes on; the database answers again", consumer, envelope.id());
                    }
                });
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
