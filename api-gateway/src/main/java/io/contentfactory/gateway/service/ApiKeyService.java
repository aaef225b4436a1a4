package io.contentfactory.gateway.service;

import io.contentfactory.gateway.domain.ApiKey;
import io.contentfactory.gateway.domain.ApiKeyFormat;
import io.contentfactory.gateway.domain.KeyHasher;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.gateway.persistence.ApiKeyRepository;
import io.contentfactory.gateway.persistence.ProjectRepository;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The key lifecycle: issue, list, rotate (issue a successor, revoke the old key) and revoke. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final ProjectRepository projects;
    private final KeyHasher hasher;
    private final TenantScope tenancy;

    ApiKeyService(ApiKeyRepository keys, ProjectRepository projects, KeyHasher hasher, TenantScope tenancy) {
        this.keys = keys;
        this.projects = projects;
        this.hasher = hasher;
        this.tenancy = tenancy;
    }

    /** A stored key and, only right after issuing, the key itself. */
    public record IssuedKey(ApiKey stored, String key) {}

    @WithTransaction
    @WithSpan("ApiKeyService.issue")
    public Uni<IssuedKey> issue(
            @SpanAttribute("project.id") UUID projectId, Set<Scope> scopes, String label, Instant expiresAt) {
        if (scopes.isEmpty()) {
            throw new DomainError.Invalid("scopes_required", "a key needs at least one scope: read, write or admin");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new DomainError.Invalid("expiry_in_past", "expiresAt must be in the future");
        }
        return tenancy.bind(projectId).chain(() -> projects.findById(projectId)).chain(project -> {
            if (project == null) {
                throw new DomainError.NotFound("project", projectId);
            }
            return store(projectId, scopes, label, expiresAt);
        });
    }

    @WithTransaction
    @WithSpan("ApiKeyService.list")
    public Uni<List<ApiKey>> list(@SpanAttribute("project.id") UUID projectId) {
        return tenancy.bind(projectId).chain(() -> keys.listForProject(projectId));
    }

    /**
     * Issues a successor with the same scopes and expiry, and revokes the old key in the same transaction. The
     * operator names the key alone, so the lookup spans projects; the successor lands in the old key's project.
     */
    @WithTransaction
    @WithSpan("ApiKeyService.rotate")
    public Uni<IssuedKey> rotate(UUID keyId) {
        return activeKey(keyId)
                .chain(old -> store(old.projectId, Scope.parseAll(old.scopes), old.label, old.expiresAt)
                        .invoke(successor -> {
                            old.revokedAt = Instant.now();
                            old.rotatedTo = successor.stored().id;
                        }));
    }

    @WithTransaction
    @WithSpan("ApiKeyService.revoke")
    public Uni<Void> revoke(UUID keyId) {
        return tenancy.system()
                .chain(() -> keys.findById(keyId))
                .invoke(key -> {
                    if (key == null) {
                        throw new DomainError.NotFound("key", keyId);
                    }
                    if (key.revokedAt == null) {
                        key.revokedAt = Instant.now();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<ApiKey> activeKey(UUID keyId) {
        return tenancy.system().chain(() -> keys.findById(keyId)).map(key -> {
            if (key == null) {
                throw new DomainError.NotFound("key", keyId);
            }
            if (key.revokedAt != null) {
                throw new DomainError.Conflict("key_revoked", "key " + keyId + " is revoked and cannot be rotated");
            }
            return key;
        });
    }

    private Uni<IssuedKey> store(UUID projectId, Set<Scope> scopes, String label, Instant expiresAt) {
        ApiKeyFormat.ParsedKey generated = ApiKeyFormat.generate();
        ApiKey key = new ApiKey();
        key.projectId = projectId;
        key.id = UUID.randomUUID();
        key.lookupId = generated.lookupId();
        key.keyHash = hasher.hash(generated.key());
        key.scopes = Scope.join(scopes);
        key.label = label;
        key.expiresAt = expiresAt;
        key.createdAt = Instant.now();
        return keys.persist(key).map(saved -> new IssuedKey(saved, generated.key()));
    }
}
