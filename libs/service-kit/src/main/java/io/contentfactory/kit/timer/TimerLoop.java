package io.contentfactory.kit.timer;

import io.contentfactory.kit.db.SafeContext;
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
 *
 * <p>With {@code maxInFlight} above one, claims are fired concurrently, each on its own duplicated Vert.x context
 * (Hibernate Reactive keeps one session per context), up to {@code maxInFlight} at a time. A long effect (a publish job polling a platform) therefore holds
 * a slot, not the loop: the loop keeps claiming while slots are free, and a finished effect frees its slot and wakes
 * the loop if it had stopped for want of one.
 */
public final class TimerLoop {

    private static final Logger LOG = Logger.getLogger(TimerLoop.class);

    private final String name;
    private final Vertx vertx;
    private final DurableTimer timer;
    private final Function<TimerClaim, Uni<Void>> effect;
    private final Function<Integer, Uni<Integer>> fireDue;
    private final Duration maxSleep;
    private final int batchSize;
    private final int maxInFlight;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean starved = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private volatile long sleepTimer = -1;
    private volatile boolean stopped;

    /**
     * @param effect runs outside any transaction; it must end the claim with {@link DurableTimer#fire} (or
     *               {@link DurableTimer#fireWith}) in the transaction of its final state change. A claim it leaves
     *               unfired is claimed again once its lease expires.
     */
    public TimerLoop(
            String name,
            Vertx vertx,
            DurableTimer timer,
            Function<TimerClaim, Uni<Void>> effect,
            Duration maxSleep,
            int batchSize,
            int maxInFlight) {
        this(name, vertx, timer, effect, null, maxSleep, batchSize, maxInFlight);
    }

    /**
     * A loop whose rows are fired in the statement that claims them: {@code fireDue} claims up to n due rows (see
     * {@link DurableTimer#dueRows}), marks them fired under this instance's name with the next epoch, and records
     * their effects, all in one transaction, answering how many it fired. For effects that stay in the database
     * (events through the outbox), the claim's row lock guards the firing: an instance that dies mid-way leaves
     * nothing claimed, and no lease is left to expire.
     */
    public static TimerLoop firingInClaim(
            String name,
            Vertx vertx,
            DurableTimer timer,
            Function<Integer, Uni<Integer>> fireDue,
            Duration maxSleep,
            int batchSize) {
        return new TimerLoop(name, vertx, timer, null, fireDue, maxSleep, batchSize, 1);
    }

    private TimerLoop(
            String name,
            Vertx vertx,
            DurableTimer timer,
            Function<TimerClaim, Uni<Void>> effect,
            Function<Integer, Uni<Integer>> fireDue,
            Duration maxSleep,
            int batchSize,
            int maxInFlight) {
        this.name = name;
        this.vertx = vertx;
        this.timer = timer;
        this.effect = effect;
        this.fireDue = fireDue;
        this.maxSleep = maxSleep;
        this.batchSize = batchSize;
        this.maxInFlight = Math.max(1, maxInFlight);
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
        SafeContext.run(
                vertx,
                () -> round().onTermination()
                        .invoke(() -> running.set(false))
                        .subscribe()
                        .with(this::sleepUntil, failure -> {
                            LOG.warnf("%s: timer round failed, retrying in 1s: %s", name, failure.toString());
                            sleepFor(Duration.ofSeconds(1));
                        }));
    }

    /**
     * Claims due rows and fires them, then answers when to look again: at once if the batch came back full, else at
     * the next fire time. With one effect at a time the batch is fired in order and the round waits for it; with more,
     * the round claims as many rows as there are free slots and starts them, and never looks again while every slot is
     * taken (a finished effect wakes the loop).
     */
    private Uni<Instant> round() {
        if (fireDue != null) {
            return fireInClaim()
                    .chain(fired -> fired == batchSize ? Uni.createFrom().item(Instant.now()) : nextLook());
        }
        if (maxInFlight == 1) {
            return timer.claimDue(batchSize)
                    .chain(claims -> Multi.createFrom()
                            .iterable(claims)
                            .onItem()
                            .transformToUniAndConcatenate(this::fireOne)
                            .collect()
                            .asList()
                            .map(fired -> claims.size()))
                    .chain(claimed -> claimed == batchSize ? Uni.createFrom().item(Instant.now()) : nextLook());
        }
        // Flag first, then look: an effect finishing in between sees the flag and wakes the loop.
        starved.set(true);
        int room = Math.min(batchSize, maxInFlight - inFlight.get());
        if (room <= 0) {
            return Uni.createFrom().item(Instant.now().plus(maxSleep));
        }
        starved.set(false);
        return timer.claimDue(room)
                .invoke(claims -> claims.forEach(this::startFiring))
                .chain(claims -> claims.size() == room ? Uni.createFrom().item(Instant.now()) : nextLook());
    }

    private Uni<Instant> nextLook() {
        return timer.nextWakeUp().map(next -> next.orElse(Instant.now().plus(maxSleep)));
    }

    private void startFiring(TimerClaim claim) {
        inFlight.incrementAndGet();
        SafeContext.run(vertx, () -> fireOne(claim).subscribe().with(done -> finished(), failure -> finished()));
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (starved.getAndSet(false)) {
            wake();
        }
    }

    private Uni<Integer> fireInClaim() {
        return Uni.createFrom()
                .deferred(() -> fireDue.apply(batchSize))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "%s: firing a batch failed; it rolled back and is retried: %s", name, failure.toString()))
                .onFailure()
                .recoverWithItem(0);
    }

    private Uni<Void> fireOne(TimerClaim claim) {
        return Uni.createFrom()
                .deferred(() -> effect.apply(claim))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "%s: firing %s failed; its lease will expire and it is retried: %s",
                        name, claim.id(), failure.toString()))
                .onFailure()
                .recoverWithNull();
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
