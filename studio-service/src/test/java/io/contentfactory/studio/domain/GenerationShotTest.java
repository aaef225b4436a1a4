package io.contentfactory.studio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenerationShotTest {

    private final Instant now = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void aShotCancelledWhileItsCallWasInFlightKeepsTheJobIdSoThatTheJobIsCancelledToo() {
        GenerationShot shot = pending();
        shot.submitting(now);
        shot.moveTo(ShotStatus.CANCELLED, now);

        shot.submitted("req-1", now);

        assertThat(shot.status).isEqualTo(ShotStatus.CANCELLED);
        assertThat(shot.providerRequestId).isEqualTo("req-1");
    }

    @Test
    void aRetryableFailureStaysOnTheModelUntilItsAttemptsAreSpentAndARefusalMovesOnAtOnce() {
        GenerationShot shot = pending();
        shot.submitting(now);
        assertThat(shot.attemptFailed(true, "{}", 2, now)).isEqualTo(GenerationShot.AfterFailure.SAME_MODEL);
        assertThat(shot.status).isEqualTo(ShotStatus.PENDING);
        shot.submitting(now);
        assertThat(shot.attemptFailed(true, "{}", 2, now)).isEqualTo(GenerationShot.AfterFailure.NEXT_MODEL);

        GenerationShot refused = pending();
        refused.submitting(now);
        assertThat(refused.attemptFailed(false, "{}", 2, now)).isEqualTo(GenerationShot.AfterFailure.NEXT_MODEL);
        refused.giveUp(now);
        assertThat(refused.status).isEqualTo(ShotStatus.FAILED);
        assertThat(refused.tried()).isEqualTo(List.of("fal-ai/veo3"));
    }

    private GenerationShot pending() {
        GenerationShot shot = new GenerationShot();
        shot.id = UUID.randomUUID();
        shot.status = ShotStatus.PENDING;
        shot.modelId = "fal-ai/veo3";
        shot.estimatedCost = BigDecimal.ONE;
        return shot;
    }
}
