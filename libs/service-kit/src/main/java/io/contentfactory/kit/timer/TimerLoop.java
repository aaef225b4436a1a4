package io.contentfactory.kit.timer;

import io.contentfactory.kit.db.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Drives a {@link DurableTimer}: it sleeps until the next fire time (never longer than {@code maxSleep}, so that
 * rows written by other instances are seen), claims due rows and fires each one in its own transaction.
 * {@link #wake()} cuts the sleep short when this instance writes an earlier row.
 */
public final class TimerLoop {

    private static final Logger LOG = Logger.getLogger(TimerLoop.class);

    private final String name;
    private final Vertx vertx;
    private final DurableTimer timer;
    private final Function<TimerClaim, Uni<Void>> effect;
    private final Duration maxSleep;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private volatile long sleepTimer = -1;
    private volatile boolean stopped;

    /**
     * @param effect runs outside any transaction; it must end the claim with {@link DurableTimer#fire} (or
     *               {@link DurableTimer#fireWith}) in the transaction of its final state change. A claim it leaves
     *               unfired is claimed again once its lease expires.
     */
    public TimerLoop(String name, Vertx vertx, DurableTimer timer, Function<TimerClaim, Uni<Void>> effect,
            Duration maxSleep, int batchSize) {
        this.name = name;
        this.vertx = vertx;
        this.timer = timer;
        this.effect = effect;
        this.maxSleep = maxSleep;
        this.batchSize = batchSize;
    }

    public void start() {
        wake();
    }

    public DurableTimer timer() {
        return timer;
    }

    public void stop() {
        stopped = true;
        cancelSleep();
    }

    public void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            runAgain.set(true);
            return;
        }
        runAgain.set(false);
        cancelSleep();
        SafeContext.run(vertx, () -> round()
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(this::sleepUntil, failure -> {
                    LOG.warnf("%s: timer round failed, retrying in 1s: %s", name, failure.toString());
                    sleepFor(Duration.ofSeconds(1));
                }));
    }

    /** Fires every due row, then answers when to look again. */
    private Uni<Instant> round() {
        return Panache.withTransaction(() -> timer.claimDue(batchSize))
                .chain(claims -> Multi.createFrom().iterable(claims)
                        .onItem().transformToUniAndConcatenate(this::fireOne)
                        .collect().asList()
                        .map(fired -> claims.size()))
                .chain(claimed -> claimed == batchSize
                        ? Uni.createFrom().item(Instant.now())
                        : Panache.withTransaction(timer::nextWakeUp).map(next -> next.orElse(Instant.now().plus(maxSleep))));
    }

    private Uni<Void> fireOne(TimerClaim claim) {
        return effect.apply(claim)
                .onFailure().invoke(failure -> LOG.warnf("%s: firing %s failed; its lease will expire and it is retried: %s",
                        name, claim.id(), failure.toString()))
                .onFailure().recoverWithNull();
    }

    private void sleepUntil(Instant next) {
        if (runAgain.getAndSet(false)) {
            wake();
            return;
        }
        Duration wait = Duration.between(Instant.now(), next);
        if (wait.compareTo(maxSleep) > 0) {
            wait = maxSleep;
        }
        sleepFor(wait);
    }

    private void sleepFor(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        sleepTimer = vertx.setTimer(millis, id -> wake());
    }

    private void cancelSleep() {
        long id = sleepTimer;
        if (id >= 0) {
            vertx.cancelTimer(id);
            sleepTimer = -1;
        }
    }
}
