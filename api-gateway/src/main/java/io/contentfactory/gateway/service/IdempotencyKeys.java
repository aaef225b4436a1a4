package io.contentfactory.gateway.service;

import io.contentfactory.gateway.domain.IdempotencyRecord;
import io.contentfactory.gateway.domain.IdempotencyState;
import io.contentfactory.gateway.persistence.IdempotencyRecordStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Requests sent with an {@code Idempotency-Key}. A request claims its (project, key) before it is forwarded, so a
 * concurrent duplicate finds the claim and is refused; the finished answer is stored and replayed to later retries.
 * Records are kept for {@code factory.gateway.idempotency.retention} (48 h); a claim is held for {@code
 * factory.gateway.idempotency.lock}, after which a retry takes it over (its request may or may not have run).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    private final Vertx vertx;
    private final IdempotencyRecordStore records;
    private final Duration retention;
    private final Duration lock;

    IdempotencyKeys(
            Vertx vertx,
            IdempotencyRecordStore records,
            @ConfigProperty(name = "factory.gateway.idempotency.retention") Duration retention,
            @ConfigProperty(name = "factory.gateway.idempotency.lock") Duration lock) {
        this.vertx = vertx;
        this.records = records;
        this.retention = retention;
        this.lock = lock;
    }

    public sealed interface Claim permits Started, InProgress, Completed {}

    /** This request owns the key: forward it, then {@link #complete} or {@link #release}. */
    public record Started() implements Claim {}

    /** Another request with the same key is being executed right now. */
    public record InProgress() implements Claim {}

    /** The key was used before; whether this is the same request decides between replay and refusal. */
    public record Completed(IdempotencyRecord record) implements Claim {}

    public Uni<Claim> claim(UUID projectId, String key, String method, String path) {
        return records.claim(projectId, key, method, path, lock).map(claimed -> {
            if (claimed.taken()) {
                return new Started();
            }
            return claimed.existing()
                    .filter(record -> record.state() == IdempotencyState.COMPLETED)
                    .<Claim>map(Completed::new)
                    .orElseGet(InProgress::new);
        });
    }

    public Uni<Void> complete(
            UUID projectId,
            String key,
            String requestHash,
            int status,
            String contentType,
            String location,
            Buffer body) {
        return records.complete(projectId, key, requestHash, status, contentType, location, body);
    }

    /** Nothing reached the service (it was unreachable): the key may be used again. */
    public Uni<Void> release(UUID projectId, String key) {
        return records.release(projectId, key);
    }

    void purgePeriodically(@Observes StartupEvent event) {
        vertx.setPeriodic(
                Duration.ofMinutes(30).toMillis(),
                id -> records.purgeOlderThan(retention)
                        .subscribe()
                        .with(
                                purged -> LOG.debugf("purged %d idempotency records", purged),
                                failure -> LOG.warnf("idempotency purge failed: %s", failure.getMessage())));
    }
}
