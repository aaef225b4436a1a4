package io.contentfactory.studio.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The models generation may use, as {@code GET /v1/generation-models} lists them. */
public record ModelCatalog(List<GenerationModel> models) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelCatalog {
        models = List.copyOf(models);
        Set<String> ids = new HashSet<>();
        for (GenerationModel model : models) {
            if (!ids.add(model.id())) {
                throw new IllegalArgumentException("the catalog names " + model.id() + " twice");
            }
        }
    }

    /**
     * The catalog in its file format: {@code {"models": [{"id", "provider", "kind", "durations", "aspectRatios",
     * "price", "tier"}]}}; a model that is malformed fails the whole catalog, naming the model.
     */
    public static ModelCatalog parse(String json) {
        try {
            List<GenerationModel> models = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json).path("models")) {
                models.add(model(node));
            }
            if (models.isEmpty()) {
                throw new IllegalArgumentException("the catalog has no models");
            }
            return new ModelCatalog(models);
        } catch (IOException e) {
            throw new UncheckedIOException("the catalog is not JSON", e);
        }
    }

    private static GenerationModel model(JsonNode node) {
        String id = node.path("id").asText(null);
        try {
            List<Integer> durations = new ArrayList<>();
            node.path("durations").forEach(d -> durations.add(d.asInt()));
            List<String> aspects = new ArrayList<>();
            node.path("aspectRatios").forEach(a -> aspects.add(a.asText()));
            return new GenerationModel(
                    java.util.Objects.requireNonNull(id, "id"),
                    ModelProvider.fromWire(node.path("provider").asText()),
                    ModelKind.fromWire(node.path("kind").asText()),
                    durations,
                    aspects,
                    new BigDecimal(node.path("price").asText()),
                    QualityTier.fromWire(node.path("tier").asText()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("catalog model " + id + ": " + e.getMessage(), e);
        }
    }

    public Optional<GenerationModel> byId(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public ModelChoice choice() {
        return new ModelChoice(models);
    }

    /** The choice among the models of {@code providers} alone: those this installation can call. */
    public ModelChoice choiceAmong(Set<ModelProvider> providers) {
        return new ModelChoice(
                models.stream().filter(m -> providers.contains(m.provider())).toList());
    }
}
