package io.contentfactory.studio.api;

import io.contentfactory.studio.domain.GenerationModel;
import io.contentfactory.studio.service.GenerationService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v1/generation-models}: the catalog each shot's model is chosen from. */
@Authenticated
@Path("/v1/generation-models")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationModelResource {

    private final GenerationService generations;

    GenerationModelResource(GenerationService generations) {
        this.generations = generations;
    }

    @Schema(name = "GenerationModel")
    public record ModelView(
            @Schema(description = "The provider's own model id")
            String id,

            @Schema(enumeration = {"gemini", "fal", "replicate"})
            String provider,

            @Schema(enumeration = {"text-to-image", "text-to-video", "image-to-video"})
            String kind,

            @Schema(description = "Clip lengths in seconds; empty for an image model")
            List<Integer> durations,

            List<String> aspectRatios,

            @Schema(description = "US dollars per image; null for a video model")
            BigDecimal pricePerImageUsd,

            @Schema(description = "US dollars per second of clip; null for an image model")
            BigDecimal pricePerSecondUsd,

            @Schema(enumeration = {"draft", "standard", "premium"})
            String qualityTier) {

        static ModelView of(GenerationModel model) {
            boolean video = model.kind().makesVideo();
            return new ModelView(
                    model.id(),
                    model.provider().wire(),
                    model.kind().wire(),
                    model.durations(),
                    model.aspectRatios(),
                    video ? null : model.price(),
                    video ? model.price() : null,
                    model.tier().wire());
        }
    }

    @Schema(name = "GenerationModelCatalog")
    public record CatalogView(List<ModelView> items) {}

    @GET
    @Operation(
            operationId = "listGenerationModels",
            summary = "The models a shot may be made with: provider, kind, durations, aspect ratios, price and tier")
    public CatalogView list() {
        return new CatalogView(
                generations.catalog().models().stream().map(ModelView::of).toList());
    }
}
