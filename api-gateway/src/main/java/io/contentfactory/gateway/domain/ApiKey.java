package io.contentfactory.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project-scoped API key, stored as its lookup id and an HMAC of the key; never the key itself. */
@Entity
@Table(name = "api_keys")
public class ApiKey {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "lookup_id")
    public String lookupId;

    @Column(name = "key_hash")
    public String keyHash;
    /** Comma-separated {@link io.contentfactory.gateway.domain.Scope} names. */
    public String scopes;

    public String label;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "rotated_to")
    public UUID rotatedTo;

    @Column(name = "created_at")
    public Instant createdAt;
}
