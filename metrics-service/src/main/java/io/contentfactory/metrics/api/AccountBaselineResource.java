package io.contentfactory.metrics.api;

import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.domain.AccountBaseline;
import io.contentfactory.metrics.service.AccountBaselines;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/accounts/{connectionId}/baseline}, reached through the gateway. */
@Authenticated
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountBaselineResource {

    private final AccountBaselines baselines;
    private final CallerProject caller;

    AccountBaselineResource(AccountBaselines baselines, CallerProject caller) {
        this.baselines = baselines;
        this.caller = caller;
    }

    @Schema(name = "Baseline")
    public record BaselineView(
            @Schema(examples = "reel") String format,
            @Schema(examples = "24h") String checkpoint,

            @Schema(description = "How many of the account's posts the medians rest on")
            int posts,

            @Schema(description = "Whether there are enough posts for the post-social score to use it")
            boolean established,

            @Schema(description = "Medians; null where no post reported the metric")
            Medians medians) {

        static BaselineView of(AccountBaseline baseline) {
            return new BaselineView(
                    baseline.format(),
                    baseline.checkpoint(),
                    baseline.posts(),
                    baseline.established(),
                    new Medians(
                            baseline.views(),
                            baseline.reach(),
                            baseline.likes(),
                            baseline.comments(),
                            baseline.shares(),
                            baseline.saves()));
        }
    }

    public record Medians(Double views, Double reach, Double likes, Double comments, Double shares, Double saves) {}

    @Schema(name = "AccountBaselines")
    public record AccountBaselinesView(
            UUID connectionId,
            String platform,
            String accountId,

            @Schema(description = "The fewest earlier posts a baseline needs")
            int minimumPosts,

            List<BaselineView> baselines) {}

    @GET
    @Path("/{connectionId}/baseline")
    @Operation(
            operationId = "getAccountBaseline",
            summary = "A connected account's medians per format and checkpoint, and how many posts they rest on",
            description = "The baseline the post-social score compares each post with. A format and checkpoint with"
                    + " fewer than minimumPosts posts is listed but not established.")
    @APIResponse(
            responseCode = "200",
            description = "The account's baselines",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountBaselinesView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No connection with this id in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<AccountBaselinesView> baseline(
            @Parameter(description = "The connection's id", schema = @Schema(format = "uuid"))
                    @PathParam("connectionId")
                    String connectionId) {
        return baselines
                .of(caller.id(), PathIds.uuid(connectionId))
                .map(found -> new AccountBaselinesView(
                        found.connectionId(),
                        found.platform(),
                        found.accountId(),
                        found.minimumPosts(),
                        found.baselines().stream().map(BaselineView::of).toList()));
    }
}
