package io.contentfactory.kit.db;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;

/**
 * Background work (timers, relays) that uses Hibernate Reactive must run on a duplicated Vert.x context that is
 * marked safe, as request and message handling already do.
 */
public final class SafeContext {

    private SafeContext() {}

    /**
     * Completes after {@code delay} on the caller's Vert.x context, unlike Mutiny's {@code delayIt()}, which
     * resumes on a scheduler thread where Hibernate Reactive cannot be used.
     */
    public static Uni<Void> delay(Vertx vertx, Duration delay) {
        return Uni.createFrom()
                .emitter(emitter -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> emitter.complete(null)));
    }

    public static void run(Vertx vertx, Runnable work) {
        Context context =
                VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }
}
