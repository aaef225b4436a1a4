package io.contentfactory.coach.api;

import io.contentfactory.coach.service.LearningService;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/accounts/{connectionId}/model}: the account's learned model, its versions, pin and reset. */
@Authenticated
@Path("/v1/accounts/{connectionId}/model")
@Produces(MediaType.APPLICATION_JSON)
public class AccountModelResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONNECTION = "The connection's id";

    private final LearningService learning;
    private final CallerProject caller;

    AccountModelResource(LearningService learning, CallerProject caller) {
        this.learning = learning;
        this.caller = caller;
    }

    @Schema(name = "ModelPin")
    public record Pin(
            @NotNull @Schema(description = "The version to keep in force", minimum = "1", required = true)
            Integer version) {}

    @GET
    @Operation(
            operationId = "getAccountModel",
            summary = "The model learned for a connected account: its effects with their intervals, best hours,"
                    + " validation figures, and the history of versions")
    @APIResponse(
            responseCode = "200",
            description = "The model in force and the versions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountModelView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No connection with this id in the key's project (code not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<AccountModelView> get(
            @Parameter(description = CONNECTION, schema = @Schema(format = "uuid")) @PathParam("connectionId")
                    String connectionId) {
        return learning.of(caller.id(), PathIds.uuid(connectionId)).map(AccountModelView::of);
    }

    @PUT
    @Path("/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "pinAccountModel",
            summary = "Keep one version in force: analysis and planning use it, and newer versions are learned but"
                    + " not used, until the pin is removed")
    @APIResponse(
            responseCode = "200",
            description = "The model as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountModelView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A malformed id or body, or a version below 1 (codes invalid_id, invalid_version)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such connection in the key's project, or no such version (code version_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<AccountModelView> pin(
            @Parameter(description = CONNECTION, schema = @Schema(format = "uuid")) @PathParam("connectionId")
                    String connectionId,
            @Valid @NotNull Pin pin) {
        return learning.pin(caller.id(), PathIds.uuid(connectionId), pin.version())
                .map(AccountModelView::of);
    }

    @DELETE
    @Path("/pin")
    @Operation(
            operationId = "unpinAccountModel",
            summary =
                    "Remove a pin or a reset: the newest version (the defaults while there is none) is in force again")
    @APIResponse(
            responseCode = "200",
            description = "The model as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountModelView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No connection with this id in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<AccountModelView> unpin(
            @Parameter(description = CONNECTION, schema = @Schema(format = "uuid")) @PathParam("connectionId")
                    String connectionId) {
        return learning.unpin(caller.id(), PathIds.uuid(connectionId)).map(AccountModelView::of);
    }

    @POST
    @Path("/reset")
    @Operation(
            operationId = "resetAccountModel",
            summary = "Use the default weights and flat hours for this account until the reset is removed"
                    + " (DELETE .../model/pin); learning goes on meanwhile")
    @APIResponse(
            responseCode = "200",
            description = "The model as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountModelView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No connection with this id in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<AccountModelView> reset(
            @Parameter(description = CONNECTION, schema = @Schema(format = "uuid")) @PathParam("connectionId")
                    String connectionId) {
        return learning.reset(caller.id(), PathIds.uuid(connectionId)).map(AccountModelView::of);
    }
}
