package io.contentfactory.gateway.api;

import io.contentfactory.gateway.domain.ApiKey;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.gateway.service.ApiKeyService;
import io.contentfactory.kit.domain.DomainError;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The operator's API for a project's keys. A key is returned once, when it is issued or rotated. */
@Path("/admin/projects/{projectId}/keys")
public class ApiKeyAdminResource {

    private final ApiKeyService keys;
    private final OperatorAuth operator;

    ApiKeyAdminResource(ApiKeyService keys, OperatorAuth operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @POST
    public Uni<Response> issue(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull IssueKey request) {
        operator.require(authorization);
        return keys.issue(projectId, scopes(request.scopes()), request.label(), request.expiresAt())
                .map(issued -> Response.created(URI.create("/admin/keys/" + issued.stored().id))
                        .entity(IssuedKeyView.of(issued))
                        .build());
    }

    @GET
    public Uni<List<KeyView>> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("projectId") UUID projectId) {
        operator.require(authorization);
        return keys.list(projectId).map(all -> all.stream().map(KeyView::of).toList());
    }

    private static Set<Scope> scopes(List<String> names) {
        try {
            return names.stream().map(Scope::parse).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid("invalid_scope", e.getMessage());
        }
    }

    public record IssueKey(
            @NotEmpty List<@NotNull String> scopes,
            @Size(max = 100) String label,
            Instant expiresAt) {}

    public record IssuedKeyView(
            UUID id, UUID projectId, String key, List<String> scopes, String label, Instant expiresAt) {
        static IssuedKeyView of(ApiKeyService.IssuedKey issued) {
            ApiKey stored = issued.stored();
            return new IssuedKeyView(
                    stored.id,
                    stored.projectId,
                    issued.key(),
                    List.of(stored.scopes.split(",")),
                    stored.label,
                    stored.expiresAt);
        }
    }

    public record KeyView(
            UUID id,
            List<String> scopes,
            String label,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            UUID rotatedTo) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id,
                    List.of(key.scopes.split(",")),
                    key.label,
                    key.createdAt,
                    key.expiresAt,
                    key.lastUsedAt,
                    key.revokedAt,
                    key.rotatedTo);
        }
    }
}
