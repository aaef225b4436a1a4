package io.contentfactory.kit.timer;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.PgNotifications;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Starts the timer loops of this service's workers and stops them all at shutdown. A worker is a {@code @Startup}
 * bean that calls {@link #start} last in its constructor: by then the schema has been migrated.
 */
@ApplicationScoped
public class TimerLoops {

    private final Vertx vertx;
    private final ServiceConfig service;
    private final TenantScope tenancy;
    private final List<TimerLoop> loops = new CopyOnWriteArrayList<>();

    private final PgNotifications notifications;

    TimerLoops(Vertx vertx, ServiceConfig service, TenantScope tenancy, PgNotifications notifications) {
        this.vertx = vertx;
        this.service = service;
        this.tenancy = tenancy;
        this.notifications = notifications;
    }

    /**
     * A running loop over one of this service's timer tables, leased in the name of this process instance.
     *
     * @param effect runs outside any transaction and ends each claim with {@link DurableTimer#fire} or
     *               {@link DurableTimer#fireWith}; the loop's {@link TimerLoop#timer()} is that timer
     */
    public TimerLoop start(
            String name,
            String table,
            Duration lease,
            Duration maxSleep,
            int batchSize,
            Function<TimerClaim, Uni<Void>> effect) {
        return start(name, table, lease, maxSleep, batchSize, 1, effect);
    }

    /**
     * As {@link #start(String, String, Duration, Duration, int, Function)}, with up to {@code maxInFlight} effects at
     * once. The shorter form fires one claim at a time, in fire-time order: what a loop needs whose effects must follow
     * each other (a post's metrics checkpoints).
     */
    public TimerLoop start(
            String name,
            String table,
            Duration lease,
            Duration maxSleep,
            int batchSize,
            int maxInFlight,
            Function<TimerClaim, Uni<Void>> effect) {
        return started(
                table,
                new TimerLoop(
                        name,
                        vertx,
                        DurableTimer.of(service, tenancy, table, lease),
                        effect,
                        maxSleep,
                        batchSize,
                        maxInFlight));
    }

    /**
     * As {@link #start(String, String, Duration, Duration, int, int, Function)}, the claim reading what each effect
     * needs in the same statement: {@code claimView} selects from {@code claimed} (see
     * {@link DurableTimer#claimStatement(String, String)}), and each claim carries its {@link TimerClaim#row()}.
     */
    public TimerLoop startReadingWithClaim(
            String name,
            String table,
            Duration lease,
            Duration maxSleep,
            int batchSize,
            int maxInFlight,
            String claimView,
            Function<TimerClaim, Uni<Void>> effect) {
        DurableTimer timer = DurableTimer.of(service, tenancy, table, lease).readingWithClaim(claimView);
        return started(table, new TimerLoop(name, vertx, timer, effect, maxSleep, batchSize, maxInFlight));
    }

    /**
     * A loop that fires rows in the statement that claims them; see {@link TimerLoop#firingInClaim}. {@code fireDue}
     * gets the timer (for its owner name and table) and the batch size.
     */
    public TimerLoop startFiringInClaim(
            String name,
            String table,
            Duration lease,
            Duration maxSleep,
            int batchSize,
            java.util.function.BiFunction<DurableTimer, Integer, Uni<Integer>> fireDue) {
        DurableTimer timer = DurableTimer.of(service, tenancy, table, lease);
        return started(
                table,
                TimerLoop.firingInClaim(name, vertx, timer, limit -> fireDue.apply(timer, limit), maxSleep, batchSize));
    }

    /** Starts the loop, woken by the table's {@code notify_timer} trigger where it has one (see the kit changelog). */
    private TimerLoop started(String table, TimerLoop loop) {
        loops.add(loop);
        notifications.listen("timer_" + service.schema() + "_" + table, loop::wake);
        loop.start();
        return loop;
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(TimerLoop::stop);
    }
}
