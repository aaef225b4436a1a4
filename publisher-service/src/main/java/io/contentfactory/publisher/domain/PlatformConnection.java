package io.contentfactory.publisher.domain;

import io.contentfactory.publisher.persistence.ConnectionRepository;
import io.contentfactory.publisher.service.TokenCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project's account on one platform, with its tokens encrypted (see {@link TokenCipher}). */
@Entity
@Table(name = "platform_connections")
public class PlatformConnection {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    public String platform;

    @Column(name = "account_id")
    public String accountId;

    public String label;

    @Convert(converter = ConnectionStatus.Column.class)
    public ConnectionStatus status;

    @Column(name = "access_token")
    public byte[] accessToken;

    @Column(name = "refresh_token")
    public byte[] refreshToken;

    @Column(name = "token_key_id")
    public String tokenKeyId;

    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;
    /**
     * When the token is refreshed next: a durable timer row, pending while {@code fired_at} is null. Written on
     * insert; afterwards only the timer and {@link ConnectionRepository#scheduleRefresh} move it.
     */
    @Column(name = "fire_at", updatable = false)
    public Instant refreshAt;

    @Column(name = "fired_at", updatable = false)
    public Instant firedAt;

    @Column(name = "refreshed_at")
    public Instant refreshedAt;
    /** Why the last refresh failed, as publish errors are shaped. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The associated data a token field is sealed with: its row and its field. */
    public String aad(String field) {
        return projectId + "/" + id + "/" + field;
    }

    @Override
    public String toString() {
        // Never the tokens, not even encrypted.
        return "PlatformConnection[" + projectId + "/" + id + " " + platform + ":" + accountId + " " + status + "]";
    }
}
