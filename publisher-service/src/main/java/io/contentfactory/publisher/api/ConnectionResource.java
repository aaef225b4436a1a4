package io.contentfactory.publisher.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.publisher.domain.ConnectionStatus;
import io.contentfactory.publisher.domain.PlatformConnection;
import io.contentfactory.publisher.service.ConnectionService;
import io.contentfactory.publisher.service.TokenRefresher;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Public connection routes, reached through the gateway as {@code /v1/connections}. Tokens go in and are never
 * returned; a connection is disabled, never deleted.
 */
@Path("/v1/connections")
@Authenticated
public class ConnectionResource {

    private static final String PROBLEM = "application/problem+json";

    private final ConnectionService connections;
    private final CallerProject caller;
    private final TokenRefresher refresher;

    ConnectionResource(ConnectionService connections, CallerProject caller, TokenRefresher refresher) {
        this.connections = connections;
        this.caller = caller;
        this.refresher = refresher;
    }

    public record NewConnection(
            @NotBlank String platform,
            @NotBlank @Size(max = 200) String accountId,
            @Size(max = 200) String label,
            @NotBlank @Size(max = 4096) String accessToken,
            @Size(max = 4096) String refreshToken,
            Instant expiresAt) {}

    public record ConnectionChange(
            String status,
            @Size(max = 200) String label,
            @Size(max = 4096) String accessToken,
            @Size(max = 4096) String refreshToken,
            Instant expiresAt) {}

    /**
     * A connection as the API shows it: whether tokens are stored, never the tokens.
     *
     * @param lastError why the last token refresh failed (code, message, stage, retryable, details), if it did
     */
    public record ConnectionView(
            UUID id,
            String platform,
            String accountId,
            String label,
            String status,
            boolean hasRefreshToken,
            Instant tokenExpiresAt,
            Instant tokenRefreshedAt,
            JsonNode lastError,
            Instant createdAt,
            Instant updatedAt) {
        static ConnectionView of(PlatformConnection connection) {
            return new ConnectionView(
                    connection.id,
                    connection.platform,
                    connection.accountId,
                    connection.label,
                    connection.status.wire(),
                    connection.refreshToken != null,
                    connection.tokenExpiresAt,
                    connection.refreshedAt,
                    ApiValues.storedJson(connection.lastError),
                    connection.createdAt,
                    connection.updatedAt);
        }
    }

    @POST
    @Operation(operationId = "createConnection", summary = "Connect a platform account to the key's project")
    @APIResponse(
            responseCode = "201",
            description = "Connected; the tokens are stored encrypted and never shown again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A missing field or an unknown platform (code invalid_platform)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The account is already connected (code connection_exists)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> create(@Valid @NotNull NewConnection request) {
        String platform = platform(request.platform());
        return connections
                .create(
                        caller.id(),
                        platform,
                        request.accountId().strip(),
                        request.label(),
                        new ConnectionService.Secrets(
                                request.accessToken(), request.refreshToken(), request.expiresAt()))
                .invoke(refresher::wake)
                .map(created -> Response.created(URI.create("/v1/connections/" + created.id))
                        .entity(ConnectionView.of(created))
                        .build());
    }

    @GET
    @Operation(operationId = "listConnections", summary = "The key's project's connections")
    public Uni<List<ConnectionView>> list() {
        return connections
                .list(caller.id())
                .map(all -> all.stream().map(ConnectionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConnection", summary = "One connection of the key's project")
    @APIResponse(
            responseCode = "200",
            description = "The connection",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such connection in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<ConnectionView> get(@PathParam("id") String id) {
        return connections.get(caller.id(), PathIds.uuid(id)).map(ConnectionView::of);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateConnection",
            summary = "Disable or re-enable a connection, relabel it, or replace its tokens")
    @APIResponse(
            responseCode = "200",
            description = "The connection as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown status (code invalid_status) or a refresh token without an access token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such connection in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<ConnectionView> update(@PathParam("id") String id, @Valid @NotNull ConnectionChange change) {
        Optional<ConnectionStatus> status = Optional.ofNullable(change.status()).map(ConnectionResource::status);
        if (change.accessToken() == null && (change.refreshToken() != null || change.expiresAt() != null)) {
            throw new DomainError.Invalid("access_token_required", "new tokens come with an accessToken");
        }
        Optional<ConnectionService.Secrets> secrets = Optional.ofNullable(change.accessToken())
                .map(access -> new ConnectionService.Secrets(access, change.refreshToken(), change.expiresAt()));
        return connections
                .update(caller.id(), PathIds.uuid(id), status, Optional.ofNullable(change.label()), secrets)
                .invoke(refresher::wake)
                .map(ConnectionView::of);
    }

    private static String platform(String value) {
        String platform = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!ConnectionService.PLATFORMS.contains(platform)) {
            throw new DomainError.Invalid(
                    "invalid_platform",
                    "platform is one of "
                            + String.join(
                                    ", ",
                                    ConnectionService.PLATFORMS.stream()
                                            .sorted()
                                            .toList()));
        }
        return platform;
    }

    private static ConnectionStatus status(String value) {
        return java.util.Arrays.stream(ConnectionStatus.values())
                .filter(status -> status.settable() && status.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new DomainError.Invalid("invalid_status", "status is active or disabled"));
    }
}
