package io.contentfactory.studio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One shot of a generation: as planned, the model chosen for it and why, and its provider job. */
@Entity
@Table(name = "generation_shots")
public class GenerationShot {

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "generation_id")
    public UUID generationId;

    @Column(name = "shot_index")
    public int index;

    public BigDecimal seconds;

    public String medium;

    @Column(name = "visual_direction")
    public String visualDirection;

    @Column(name = "on_screen_text")
    public String onScreenText;

    public String prompt;

    @Column(name = "model_id")
    public String modelId;

    public String provider;

    @Column(name = "choice_reason")
    public String choiceReason;

    @Convert(converter = ShotStatus.Column.class)
    public ShotStatus status;

    /** Attempts made on the current model. */
    public int attempts;

    /** Models that failed this shot, comma-separated, in the order tried. */
    @Column(name = "tried_models")
    public String triedModels;

    /** The provider's id for the job, stored before any waiting: a restart polls it, never submits again. */
    @Column(name = "provider_request_id")
    public String providerRequestId;

    @Column(name = "estimated_cost")
    public BigDecimal estimatedCost;

    /** What the provider charged; null until it succeeded. */
    public BigDecimal cost;

    public Long seed;

    @Column(name = "output_url")
    public String outputUrl;

    @Column(name = "error_json")
    public String errorJson;

    /** The provider was asked to cancel its job (best effort) after the generation was cancelled. */
    @Column(name = "provider_cancelled")
    public boolean providerCancelled;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What follows a failed attempt: the same model once more, or the next model that fits. */
    public enum AfterFailure {
        SAME_MODEL,
        NEXT_MODEL
    }

    /** The shot as planned. */
    public Shot plan() {
        return new Shot(
                index,
                seconds.doubleValue(),
                ShotMedium.valueOf(medium.toUpperCase(java.util.Locale.ROOT)),
                visualDirection,
                onScreenText,
                prompt);
    }

    /** Recorded, and committed, before the provider is called: see {@link ShotStatus#SUBMITTING}. */
    public void submitting(Instant at) {
        moveTo(ShotStatus.SUBMITTING, at);
        attempts++;
    }

    /**
     * The provider took the job: its id is committed before any waiting. A shot cancelled while its call was in flight
     * stays cancelled but keeps the id, so that the job is cancelled at the provider too.
     */
    public void submitted(String requestId, Instant at) {
        providerRequestId = requestId;
        if (status != ShotStatus.CANCELLED) {
            moveTo(ShotStatus.SUBMITTED, at);
        }
    }

    /** Made: what the provider charged is what the model's price says for it (none bills a failed job). */
    public void succeeded(String output, Long madeWithSeed, Instant at) {
        outputUrl = output;
        seed = madeWithSeed;
        cost = estimatedCost;
        moveTo(ShotStatus.SUCCEEDED, at);
    }

    /**
     * An attempt failed (its {@code errorJson} kept): the shot is pending again, on the same model while the failure
     * may pass and attempts on it are left, else waiting for the next model ({@link #moveOn}) or to give up.
     */
    public AfterFailure attemptFailed(boolean retryable, String errorJson, int attemptsPerModel, Instant at) {
        this.errorJson = errorJson;
        providerRequestId = null;
        moveTo(ShotStatus.PENDING, at);
        return retryable && attempts < attemptsPerModel ? AfterFailure.SAME_MODEL : AfterFailure.NEXT_MODEL;
    }

    /** The current model is left behind as tried; the shot goes on with the next one, from its first attempt. */
    public void moveOn(ModelChoice.Chosen next, Instant at) {
        markTried();
        choose(next, at);
    }

    /** No model is left: the shot failed with its last attempt's error. */
    public void giveUp(Instant at) {
        markTried();
        moveTo(ShotStatus.FAILED, at);
    }

    private void markTried() {
        if (!tried().contains(modelId)) {
            triedModels = triedModels == null || triedModels.isBlank() ? modelId : triedModels + "," + modelId;
        }
    }

    public List<String> tried() {
        return triedModels == null || triedModels.isBlank() ? List.of() : List.of(triedModels.split(","));
    }

    /** Puts the shot on {@code model}, as {@link ModelChoice} chose it. */
    public void choose(ModelChoice.Chosen chosen, Instant at) {
        modelId = chosen.model().id();
        provider = chosen.model().provider().wire();
        choiceReason = chosen.reason();
        estimatedCost = chosen.cost();
        attempts = 0;
        updatedAt = at;
    }

    public void moveTo(ShotStatus next, Instant at) {
        if (status != null && !status.mayBecome(next)) {
            throw new IllegalStateException("shot " + id + " cannot go from " + status.wire() + " to " + next.wire());
        }
        status = next;
        updatedAt = at;
    }
}
