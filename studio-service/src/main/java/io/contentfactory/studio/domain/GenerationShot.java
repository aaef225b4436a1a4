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

    @Column(name = "updated_at")
    public Instant updatedAt;

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
