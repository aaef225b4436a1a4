package io.contentfactory.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two timer instances over one table: each due row is leased by one, fired once, fenced by its lease epoch. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class DurableTimerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TABLE = "kitprobe.probe_timers";

    @Inject
    TenantScope tenancy;

    private final UUID project = UUID.randomUUID();

    @BeforeEach
    void noRowIsDueButThisTestsOwn() {
        execute("update " + TABLE + " set fired_at = now() where fired_at is null");
    }

    @Test
    void aDueRowIsLeasedByOneInstanceAndFiredOnce() {
        DurableTimer a = timer("a", Duration.ofMinutes(5));
        DurableTimer b = timer("b", Duration.ofMinutes(5));
        UUID row = due();

        List<TimerClaim> claimed = run(() -> a.claimDue(10));
        assertThat(claimed)
                .singleElement()
                .satisfies(claim -> assertThat(claim.id()).isEqualTo(row));
        assertThat(run(() -> b.claimDue(10))).as("leased by a").isEmpty();

        TimerClaim claim = claimed.get(0);
        assertThat(run(() -> tenancy.transaction(project, () -> a.fire(claim)))).isTrue();
        assertThat(run(() -> tenancy.transaction(project, () -> a.fire(claim))))
                .as("fired once")
                .isFalse();
        assertThat(count("select count(*) from " + TABLE + " where id = '" + row + "' and fired_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void aClaimWhoseLeaseRanOutAndWasTakenCanNoLongerFire() {
        DurableTimer a = timer("a", Duration.ofSeconds(1));
        DurableTimer b = timer("b", Duration.ofMinutes(5));
        UUID row = due();

        TimerClaim stale = run(() -> a.claimDue(10)).get(0);
        // Waits on the database's clock for a's lease to run out: then b may take the row, with the next epoch.
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from " + TABLE + " where id = '" + row + "' and lease_until < now()")
                                == 1);
        TimerClaim current = run(() -> b.claimDue(10)).get(0);
        assertThat(current.epoch()).isEqualTo(stale.epoch() + 1);

        assertThat(run(() -> tenancy.transaction(project, () -> a.fire(stale))))
                .as("fenced")
                .isFalse();
        assertThat(run(() -> a.postpone(stale, Instant.now().plusSeconds(60))))
                .as("fenced")
                .isFalse();
        assertThat(run(() -> tenancy.transaction(project, () -> b.fire(current))))
                .isTrue();
    }

    @Test
    void aPostponedRowIsDueAgainAtItsNewTimeAndNotBefore() {
        DurableTimer a = timer("a", Duration.ofMinutes(5));
        UUID row = due();
        TimerClaim claim = run(() -> a.claimDue(10)).get(0);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        assertThat(run(() -> a.postpone(claim, later))).isTrue();
        assertThat(run(() -> a.claimDue(10))).as("not due before its new time").isEmpty();
        assertThat(count("select count(*) from " + TABLE + " where id = '" + row + "' and lease_until is null"
                        + " and fired_at is null and fire_at = '" + later + "'"))
                .isEqualTo(1);
        assertThat(run(a::nextWakeUp)).contains(later);
    }

    private DurableTimer timer(String owner, Duration lease) {
        return new DurableTimer(TABLE, owner + "-" + UUID.randomUUID(), lease, tenancy);
    }

    private UUID due() {
        UUID id = UUID.randomUUID();
        execute("insert into " + TABLE + " (project_id, id, fire_at) values ('" + project + "', '" + id
                + "', now() - interval '1 second')");
        return id;
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = PostgresResource.database().connect()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        try (Connection c = PostgresResource.database().connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
