package io.contentfactory.metrics.api;

import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.service.MetricsSettingsService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/metrics/settings}: the checkpoints a project's posts are measured at. */
@Authenticated
@Path("/v1/metrics/settings")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsSettingsResource {

    private final MetricsSettingsService settings;
    private final CallerProject caller;

    MetricsSettingsResource(MetricsSettingsService settings, CallerProject caller) {
        this.settings = settings;
        this.caller = caller;
    }

    /** The checkpoints after a post's real publish time, as labels such as {@code 15m}, {@code 4h} or {@code 7d}. */
    @Schema(name = "MetricsSettings")
    public record MetricsSettings(
            @NotNull @Size(min = 1, max = Checkpoint.MAX_CHECKPOINTS)
            List<@NotNull String> checkpoints) {

        static MetricsSettings of(List<Checkpoint> set) {
            return new MetricsSettings(set.stream().map(Checkpoint::label).toList());
        }
    }

    @GET
    @Operation(
            operationId = "getMetricsSettings",
            summary = "The checkpoints the project's posts are measured at",
            description = "The project's own set, or the default: 15m, 1h, 4h, 24h, 72h and 7d.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MetricsSettings.class)))
    public Uni<MetricsSettings> get() {
        return settings.checkpoints(caller.id()).map(MetricsSettings::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "putMetricsSettings",
            summary = "Set the checkpoints the project's posts are measured at",
            description = "1 to 12 labels (a number and m, h or d), each between 1m and 90d, no two at the same time;"
                    + " answered in time order. Posts published from now on are measured at them; planned checkpoints"
                    + " keep theirs.")
    @APIResponse(
            responseCode = "200",
            description = "The settings saved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MetricsSettings.class)))
    @APIResponse(
            responseCode = "400",
            description = "A set that breaks a rule (code invalid_checkpoints)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MetricsSettings> put(@Valid @NotNull MetricsSettings body) {
        return settings.save(caller.id(), body.checkpoints()).map(MetricsSettings::of);
    }
}
