package io.contentfactory.scheduler.service;

import io.contentfactory.kit.db.SafeContext;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.scheduler.config.SchedulerConfig;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Re-plans, every {@code factory.scheduler.replan-every}, each queue with targets still waiting: those beyond the
 * horizon get slots as it moves on. Every instance may run it; the queue lock makes runs take turns, and a run that
 * finds nothing waiting changes nothing.
 */
@ApplicationScoped
public class PeriodicReplanner {

    private static final Logger LOG = Logger.getLogger(PeriodicReplanner.class);

    private final PostTargetStore targets;
    private final Planner planner;
    private final TenantScope tenancy;
    private final Dispatcher dispatcher;
    private final SchedulerConfig config;
    private final Vertx vertx;
    private long timer = -1;

    PeriodicReplanner(
            PostTargetStore targets,
            Planner planner,
            TenantScope tenancy,
            Dispatcher dispatcher,
            SchedulerConfig config,
            Vertx vertx) {
        this.targets = targets;
        this.planner = planner;
        this.tenancy = tenancy;
        this.dispatcher = dispatcher;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(config.replanEvery().toMillis(), id -> SafeContext.run(vertx, this::runOnce));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void runOnce() {
        targets.queuesWaiting()
                .onItem()
                .transformToMulti(
                        queues -> io.smallrye.mutiny.Multi.createFrom().iterable(queues))
                .onItem()
                .transformToUniAndConcatenate(queue -> Panache.withTransaction(
                        () -> tenancy.bind(queue.projectId()).chain(() -> planner.replan(queue))))
                .collect()
                .last()
                .subscribe()
                .with(
                        done -> dispatcher.wake(),
                        failure -> LOG.warn("periodic replanning failed; the next run retries", failure));
    }
}
