package io.contentfactory.kit.timer;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims due rows of a timer table so that, across any number of instances, each fires once.
 *
 * <p>A timer table has {@code id uuid}, {@code project_id uuid}, {@code fire_at}, {@code fired_at} (null while
 * pending), {@code lease_owner}, {@code lease_epoch} and {@code lease_until}, and a partial index on
 * {@code fire_at} where {@code fired_at is null}. A claim leases rows with one statement that locks with
 * {@code FOR UPDATE SKIP LOCKED} after applying its limit, and bumps the epoch. Firing is fenced by that epoch:
 * a claim whose lease expired and was re-claimed by another instance can no longer fire.
 *
 * <p>Claiming looks across every project, so it runs as the system role; firing binds the claim's project.
 */
public final class DurableTimer {

    private final String table;
    private final String owner;
    private final Duration lease;
    private final TenantScope tenancy;
    private final NamedStatement claim;
    private final boolean claimReadsRow;

    public DurableTimer(String qualifiedTable, String owner, Duration lease, TenantScope tenancy) {
        this(qualifiedTable, owner, lease, tenancy, null);
    }

    private DurableTimer(String qualifiedTable, String owner, Duration lease, TenantScope tenancy, String claimView) {
        this.table = qualifiedTable;
        this.owner = owner;
        this.lease = lease;
        this.tenancy = tenancy;
        this.claim = NamedStatement.of(
                claimView == null ? claimStatement(qualifiedTable) : claimStatement(qualifiedTable, claimView));
        this.claimReadsRow = claimView != null;
    }

    /**
     * This timer, its claim reading what the effect needs along with each claimed row, in the same statement (see
     * {@link #claimStatement(String, String)}); each {@link TimerClaim} then carries that {@link TimerClaim#row()}.
     */
    public DurableTimer readingWithClaim(String claimView) {
        return new DurableTimer(table, owner, lease, tenancy, claimView);
    }

    /** A timer over one of this service's tables, leased in the name of this process instance. */
    public static DurableTimer of(ServiceConfig service, TenantScope tenancy, String table, Duration lease) {
        return new DurableTimer(service.table(table), service.name() + "-" + UUID.randomUUID(), lease, tenancy);
    }

    /**
     * The claim, with parameters {@code #{lease_owner}}, {@code #{lease_seconds}} and {@code #{claim_limit}}. The inner select walks the partial
     * index on due rows in fire order and locks, skipping locked rows, only the rows its limit lets through; tests
     * check that plan with {@code EXPLAIN}.
     */
    public static String claimStatement(String qualifiedTable) {
        return claimUpdate(qualifiedTable, "t.id, t.project_id, t.lease_epoch");
    }

    /**
     * The claim with a view over the claimed rows: {@code view} selects from {@code claimed} (each claimed row, every
     * column as the claim left it) and answers {@code id}, {@code project_id} and {@code lease_epoch} first, then what
     * it reads along, for example joined rows of another table. It runs as the system role, like the claim.
     */
    public static String claimStatement(String qualifiedTable, String view) {
        return "with claimed as (" + claimUpdate(qualifiedTable, "t.*") + ") " + view;
    }

    private static String claimUpdate(String qualifiedTable, String returning) {
        return "update " + qualifiedTable + " t set lease_owner = #{lease_owner}, lease_epoch = t.lease_epoch + 1,"
                + " lease_until = now() + make_interval(secs => #{lease_seconds})"
                + " from (" + dueRows(qualifiedTable, "project_id, id", "#{claim_limit}") + ") due"
                + " where t.project_id = due.project_id and t.id = due.id returning " + returning;
    }

    /**
     * The rows a claim may take, {@code columns} of them: due, not fired, not leased, in fire order, locked skipping
     * locked rows, at most {@code limit} (a named parameter such as {@code #{claim_limit}}).
     */
    public static String dueRows(String qualifiedTable, String columns, String limit) {
        return "select " + columns + " from " + qualifiedTable
                + " where fired_at is null and fire_at <= now() and (lease_until is null or lease_until < now())"
                + " order by fire_at limit " + limit + " for update skip locked";
    }

    /** The name this process instance claims rows under. */
    public String owner() {
        return owner;
    }

    /**
     * Leases up to {@code limit} due rows in a short transaction of its own, on the Vert.x pool: claims and wake-up
     * questions are the busiest statements of a timer, and Hibernate would only add its overhead to them.
     */
    public Uni<List<TimerClaim>> claimDue(int limit) {
        return tenancy.asSystem(connection -> connection
                        .preparedQuery(claim.sql())
                        .execute(claim.bind(Arguments.of()
                                .text("lease_owner", owner)
                                .decimal("lease_seconds", lease.toMillis() / 1000.0)
                                .integer("claim_limit", limit))))
                .map(rows -> {
                    List<TimerClaim> claims = new ArrayList<>(rows.size());
                    rows.forEach(row -> claims.add(new TimerClaim(
                            row.getUUID("id"),
                            row.getUUID("project_id"),
                            row.getLong("lease_epoch"),
                            claimReadsRow ? row : null)));
                    return claims;
                });
    }

    /**
     * Marks a claimed row fired; false if the lease was lost. Run it in the transaction that performs the effect,
     * after binding the claim's project.
     */
    public Uni<Boolean> fire(TimerClaim claim) {
        String sql = "update " + table + " set fired_at = now(), lease_until = null"
                + " where project_id = ?3 and id = ?1 and lease_epoch = ?2 and fired_at is null";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, claim.id())
                        .setParameter(2, claim.epoch())
                        .setParameter(3, claim.projectId())
                        .executeUpdate())
                .map(updated -> updated == 1);
    }

    /**
     * An update that fires a claimed row of a timer table and changes its other columns ({@code set}, with named
     * parameters of its own) in the same statement, if the claim still holds the lease ({@link #fence} gives the
     * claim's values). It returns {@code returning} for a row it fired and nothing for a claim that lost its lease; run
     * it bound to the claim's project.
     */
    public static String fireUpdate(String qualifiedTable, String set, String returning) {
        return "update " + qualifiedTable + " set fired_at = now(), lease_until = null, " + set + FENCED + " returning "
                + returning;
    }

    /** As {@link #fireUpdate}, for a change made under the lease that leaves the row claimed (it fires later). */
    public static String leasedUpdate(String qualifiedTable, String set, String returning) {
        return "update " + qualifiedTable + " set " + set + FENCED + " returning " + returning;
    }

    private static final String FENCED = " where project_id = #{claim_project} and id = #{claim_id}"
            + " and lease_epoch = #{claim_epoch} and fired_at is null";

    /** The claim's project, id and epoch: the values of {@link #fireUpdate}'s and {@link #leasedUpdate}'s fence. */
    public static Arguments fence(TimerClaim claim) {
        return Arguments.of()
                .uuid("claim_project", claim.projectId())
                .uuid("claim_id", claim.id())
                .bigint("claim_epoch", claim.epoch());
    }

    /**
     * Fires the claim and applies {@code effect} in one new transaction bound to the claim's project; the effect is
     * skipped if the lease was lost.
     */
    public Uni<Void> fireWith(TimerClaim claim, java.util.function.Supplier<Uni<Void>> effect) {
        return Panache.withTransaction(() -> tenancy.bind(claim.projectId())
                .chain(() -> fire(claim))
                .chain(won -> won ? effect.get() : Uni.createFrom().voidItem()));
    }

    /**
     * Gives a claimed row back, due again at {@code fireAt}, without firing it: for work that has to wait (a quota,
     * say). False if the lease was lost. Runs in its own transaction bound to the claim's project.
     */
    public Uni<Boolean> postpone(TimerClaim claim, Instant fireAt) {
        return Panache.withTransaction(() -> tenancy.bind(claim.projectId()).chain(() -> giveBack(claim, fireAt)));
    }

    /**
     * Gives a claimed row back due again at {@code fireAt} and applies {@code effect} in the same new transaction,
     * bound to the claim's project: for recurring work (a token refreshed now and again before its next expiry).
     * The effect is skipped if the lease was lost.
     */
    public Uni<Void> rescheduleWith(TimerClaim claim, Instant fireAt, java.util.function.Supplier<Uni<Void>> effect) {
        return Panache.withTransaction(() -> tenancy.bind(claim.projectId())
                .chain(() -> giveBack(claim, fireAt))
                .chain(won -> won ? effect.get() : Uni.createFrom().voidItem()));
    }

    /** Moves a claimed row's fire time and drops the lease, if the claim still holds it. */
    private Uni<Boolean> giveBack(TimerClaim claim, Instant fireAt) {
        String sql = "update " + table + " set fire_at = ?1, lease_until = null"
                + " where project_id = ?4 and id = ?2 and lease_epoch = ?3 and fired_at is null";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, fireAt.atOffset(java.time.ZoneOffset.UTC))
                        .setParameter(2, claim.id())
                        .setParameter(3, claim.epoch())
                        .setParameter(4, claim.projectId())
                        .executeUpdate())
                .map(updated -> updated == 1);
    }

    /**
     * When the next row becomes claimable: the first unleased fire time, or the end of a lease held on a due row.
     * Both walk the partial index on due rows from its start and stop early, however many rows are pending.
     */
    public Uni<Optional<Instant>> nextWakeUp() {
        String sql = "select least("
                + "(select fire_at from " + table
                + " where fired_at is null and (lease_until is null or lease_until < now())"
                + " order by fire_at limit 1),"
                + " (select min(lease_until) from " + table
                + " where fired_at is null and fire_at <= now() and lease_until >= now()))";
        return tenancy.asSystem(connection -> connection.query(sql).execute())
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0))
                        .map(OffsetDateTime::toInstant));
    }
}
