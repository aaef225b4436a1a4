package io.contentfactory.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.GroupCommit;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writes that arrive while a group commits share the next transaction, each bound to its own project, and one that
 * fails there fails alone: the group rolls back and each of its writes runs again by itself, so the others still
 * commit, once each.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class GroupCommitIT {

    private static final String FAILED = "failed: ";

    @Inject
    GroupCommit writes;

    @Inject
    Outbox outbox;

    @Test
    void aWriteThatFailsInItsGroupFailsAloneAndTheOthersCommitOnce() throws Throwable {
        UUID project = UUID.randomUUID();
        Outbox.Pending first = event(project);
        Outbox.Pending second = event(project);
        Outbox.Pending third = event(project);
        NamedStatement insert = NamedStatement.of(outbox.insertFrom("(select 1) one"));

        // The slow write goes first, alone; the three after it wait for it and then share one transaction, where
        // the repeated event id breaks the outbox's unique key.
        List<String> answers = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(
                        outcome(writes.statementInProject(project, "select pg_sleep(1)", Tuple.tuple())),
                        outcome(writes.statementInProject(project, insert, first.arguments())),
                        outcome(writes.statementInProject(project, insert, second.arguments())),
                        outcome(writes.statementInProject(project, insert, first.arguments())),
                        outcome(writes.statementInProject(project, insert, third.arguments())))
                .andFailFast());

        assertThat(answers.subList(0, 3)).containsExactly("1", "1", "1");
        assertThat(answers.get(3)).startsWith(FAILED).contains("outbox_event_id_key");
        assertThat(answers.get(4)).isEqualTo("1");
        assertThat(count("select count(*) from kitprobe.outbox where project_id = '" + project + "'"))
                .isEqualTo(3);
        for (Outbox.Pending event : List.of(first, second, third)) {
            assertThat(count("select count(*) from kitprobe.outbox where event_id = '" + event.eventId() + "'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void writesThatArriveTogetherShareOneTransactionEachBoundToItsOwnProject() throws Throwable {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String whereAmI = "select txid_current()::text || ' ' || current_setting('app.project_id')";

        List<String> answers = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(
                        writes.statementInProject(one, "select pg_sleep(1)", Tuple.tuple())
                                .map(rows -> "slow"),
                        answer(writes.statementInProject(one, whereAmI, Tuple.tuple())),
                        answer(writes.statementInProject(other, whereAmI, Tuple.tuple())),
                        answer(writes.statementInProject(one, whereAmI, Tuple.tuple())))
                .andFailFast());

        String transaction = answers.get(1).split(" ")[0];
        assertThat(answers.subList(1, 4))
                .containsExactly(transaction + " " + one, transaction + " " + other, transaction + " " + one);
    }

    private static Uni<String> answer(Uni<io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row>> query) {
        return query.map(rows -> rows.iterator().next().getString(0));
    }

    private Outbox.Pending event(UUID project) {
        return outbox.pending(
                project,
                new PostPublishing(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        Platform.INSTAGRAM,
                        "group-account",
                        Instant.now()));
    }

    /** The rows a write changed or returned, or why it failed. */
    private static Uni<String> outcome(Uni<io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row>> write) {
        return write.map(rows -> Integer.toString(rows.rowCount()))
                .onFailure()
                .recoverWithItem(failure -> FAILED + failure.getMessage());
    }

    private static long count(String sql) {
        try (java.sql.Connection c =
                        io.contentfactory.testkit.PostgresResource.database().connect();
                java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
