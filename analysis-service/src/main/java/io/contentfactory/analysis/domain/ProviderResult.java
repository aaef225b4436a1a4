package io.contentfactory.analysis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What one provider returned for one analysis (or why it did not), stored beside the local analyzer's result. */
@Entity
@Table(name = "provider_results")
public class ProviderResult {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "analysis_id")
    public UUID analysisId;

    @Convert(converter = ProviderKind.Column.class)
    public ProviderKind kind;

    public String provider;

    @Convert(converter = ProviderOutcome.Column.class)
    public ProviderOutcome status;

    public String payload;
    public String error;

    @Column(name = "created_at")
    public Instant createdAt;

    public static ProviderResult ok(ProviderKind kind, String provider, String payload) {
        return of(kind, provider, ProviderOutcome.OK, payload, null);
    }

    public static ProviderResult failed(ProviderKind kind, String provider, String error) {
        return of(kind, provider, ProviderOutcome.FAILED, null, error);
    }

    private static ProviderResult of(
            ProviderKind kind, String provider, ProviderOutcome status, String payload, String error) {
        ProviderResult result = new ProviderResult();
        result.id = UUID.randomUUID();
        result.kind = kind;
        result.provider = provider;
        result.status = status;
        result.payload = payload;
        result.error = error;
        result.createdAt = Instant.now();
        return result;
    }
}
