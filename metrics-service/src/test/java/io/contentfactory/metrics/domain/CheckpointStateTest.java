package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckpointStateTest {

    private static final Instant DUE = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aPendingCheckpointMovesToAnEndingAndOnlyAnUnmeasurableOneMovesOn() {
        for (CheckpointState from : CheckpointState.values()) {
            for (CheckpointState to : CheckpointState.values()) {
                boolean allowed = (from == CheckpointState.PENDING && to != CheckpointState.PENDING)
                        || (from == CheckpointState.UNMEASURABLE && to == CheckpointState.COLLECTED);
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
            }
        }
    }

    @Test
    void anEndingKeepsItsReasonAndLatenessAndRefusesAnotherMove() {
        MetricCheckpoint checkpoint = pending();
        checkpoint.end(CheckpointState.UNAVAILABLE, "instagram error 100: unknown media", DUE.plusSeconds(3));

        assertThat(checkpoint.state).isEqualTo(CheckpointState.UNAVAILABLE);
        assertThat(checkpoint.reason).isEqualTo("instagram error 100: unknown media");
        assertThat(checkpoint.lateMs).isEqualTo(3_000);
        assertThatThrownBy(() -> checkpoint.end(CheckpointState.COLLECTED, null, DUE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> checkpoint.waitUntil(DUE, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitCountsTheAttemptAndMovesTheTimerNotTheDueTime() {
        MetricCheckpoint checkpoint = pending();
        checkpoint.waitUntil(DUE.plusSeconds(60), "not ready");
        checkpoint.waitUntil(DUE.plusSeconds(180), "not ready");

        assertThat(checkpoint.attempts).isEqualTo(2);
        assertThat(checkpoint.fireAt).isEqualTo(DUE.plusSeconds(180));
        assertThat(checkpoint.dueAt).isEqualTo(DUE);
        assertThat(checkpoint.state).isEqualTo(CheckpointState.PENDING);
    }

    private static MetricCheckpoint pending() {
        MetricCheckpoint checkpoint = new MetricCheckpoint();
        checkpoint.id = UUID.randomUUID();
        checkpoint.dueAt = DUE;
        checkpoint.fireAt = DUE;
        return checkpoint;
    }
}
