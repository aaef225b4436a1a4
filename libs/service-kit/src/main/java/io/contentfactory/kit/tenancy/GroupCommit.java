package io.contentfactory.kit.tenancy;

import io.contentfactory.kit.db.Arguments;
import io.contentfactory.kit.db.NamedStatement;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Single-statement writes, each bound to its project, committed together: while one transaction is on its way, the
 * writes that arrive wait and then share the next one. BEGIN, each write (after its project's binding) and COMMIT go
 * out pipelined on one connection, so a busy service pays one round trip and one WAL flush for many writes instead of
 * one each; alone, a write goes out at once.
 *
 * <p>Each write must stand on its own (a fenced update, an insert guarded by its own condition), since its outcome is
 * whatever its statement answers inside the shared transaction. Should any statement of a group fail, the whole
 * transaction rolls back and every write of the group is run again in a transaction of its own, so one bad write
 * fails alone. Should the COMMIT itself fail after reaching the server, a write may so run twice: a fenced or guarded
 * write changes nothing the second time. A write's answer reaches its caller on the caller's own Vert.x context.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** Writes in one transaction at most: enough to amortize it, few enough to keep one group's round trip short. */
    private static final int MAX_GROUP = 64;

    private final Pool pool;
    private final TenantScope tenancy;
    private final Queue<Write> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

    GroupCommit(Pool pool, TenantScope tenancy) {
        this.pool = pool;
        this.tenancy = tenancy;
    }

    private record Write(
            UUID projectId, String sql, Tuple arguments, Context caller, CompletableFuture<RowSet<Row>> answer) {

        void complete(RowSet<Row> rows) {
            onCaller(() -> answer.complete(rows));
        }

        void fail(Throwable failure) {
            onCaller(() -> answer.completeExceptionally(failure));
        }

        private void onCaller(Runnable completion) {
            if (caller == null || caller == Vertx.currentContext()) {
                completion.run();
            } else {
                caller.runOnContext(ignored -> completion.run());
            }
        }
    }

    /**
     * One statement in a transaction bound to {@code projectId}, shared with the other writes waiting at the time:
     * as {@link TenantScope#statementInProject}, which it falls back to should its group fail. Its rows are what the
     * statement returns.
     */
    public Uni<RowSet<Row>> statementInProject(UUID projectId, NamedStatement statement, Arguments arguments) {
        return statementInProject(projectId, statement.sql(), statement.bind(arguments));
    }

    /** As {@link #statementInProject(UUID, NamedStatement, Arguments)}, for a statement with numbered parameters. */
    public Uni<RowSet<Row>> statementInProject(UUID projectId, String sql, Tuple arguments) {
        return Uni.createFrom().deferred(() -> {
            Write write = new Write(projectId, sql, arguments, Vertx.currentContext(), new CompletableFuture<>());
            waiting.add(write);
            commitWaiting();
            return Uni.createFrom().completionStage(write.answer());
        });
    }

    /** Starts a group with the writes waiting, unless one is on its way (its end starts the next). */
    private void commitWaiting() {
        while (!waiting.isEmpty() && committing.compareAndSet(false, true)) {
            List<Write> group = new ArrayList<>();
            Write write;
            while (group.size() < MAX_GROUP && (write = waiting.poll()) != null) {
                group.add(write);
            }
            if (group.isEmpty()) {
                committing.set(false);
                continue;
            }
            commit(group).subscribe().with(ignored -> groupDone());
            return;
        }
    }

    private void groupDone() {
        committing.set(false);
        commitWaiting();
    }

    /** Answers each write of the group; if the group fails, a write alone gets the failure, others run one by one. */
    private Uni<Void> commit(List<Write> group) {
        return pool.withConnection(connection -> pipelined(connection, group))
                .invoke(answers -> {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).complete(answers.get(i));
                    }
                })
                .onFailure()
                .invoke(failure -> {
                    if (group.size() == 1) {
                        group.get(0).fail(failure);
                    } else {
                        oneByOne(group, failure);
                    }
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** BEGIN, each write after its project's binding (once per run of the same project), COMMIT: one round trip. */
    @SuppressWarnings("unchecked")
    private Uni<List<RowSet<Row>>> pipelined(SqlConnection connection, List<Write> group) {
        List<Uni<?>> statements = new ArrayList<>(group.size() * 2 + 2);
        List<Integer> answerAt = new ArrayList<>(group.size());
        statements.add(connection.query("begin").execute());
        UUID bound = null;
        for (Write write : group) {
            if (!write.projectId().equals(bound)) {
                statements.add(tenancy.bind(connection, write.projectId()));
                bound = write.projectId();
            }
            answerAt.add(statements.size());
            statements.add(connection.preparedQuery(write.sql()).execute(write.arguments()));
        }
        // In a transaction that failed, COMMIT answers ROLLBACK; the failed statement has failed the group by then.
        statements.add(connection.query("commit").execute());
        return Uni.combine()
                .all()
                .unis(statements)
                .collectFailures()
                .with(results -> answerAt.stream()
                        .map(at -> (RowSet<Row>) results.get(at))
                        .toList());
    }

    /** The group rolled back: each write runs in a transaction of its own, so only a bad one fails. */
    private void oneByOne(List<Write> group, Throwable failure) {
        LOG.debugf("a group of %d writes rolled back (%s); each runs alone", group.size(), failure.toString());
        for (Write write : group) {
            tenancy.statementInProject(write.projectId(), write.sql(), write.arguments())
                    .subscribe()
                    .with(write::complete, write::fail);
        }
    }
}
