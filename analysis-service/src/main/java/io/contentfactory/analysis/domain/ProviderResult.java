package io.contentfactory.analysis.domain;

import jakarta.persistence.Column;
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
    /** {@code transcript}, {@code captions} or {@code frames}. */
    public String kind;

    public String provider;
    /** {@code ok} or {@code failed}. */
    public String status;

    public String payload;
    public String error;

    @Column(name = "created_at")
    public Instant createdAt;

    public static ProviderResult ok(String kind, String provider, String payload) {
        return of(kind, provider, "ok", payload, null);
    }

    public static ProviderResult failed(String kind, String provider, String error) {
        return of(kind, provider, "failed", null, error);
    }

    private static ProviderResult of(String kind, String provider, String status, String payload, String error) {
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
