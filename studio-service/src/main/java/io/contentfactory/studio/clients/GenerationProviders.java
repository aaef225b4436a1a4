package io.contentfactory.studio.clients;

import io.contentfactory.studio.domain.ModelProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The provider adapters, by provider; only those with a key are {@link #configured()}. */
@ApplicationScoped
public class GenerationProviders {

    private final Map<ModelProvider, GenerationProvider> byProvider = new EnumMap<>(ModelProvider.class);

    GenerationProviders(Instance<GenerationProvider> adapters) {
        adapters.forEach(adapter -> byProvider.put(adapter.provider(), adapter));
    }

    public Optional<GenerationProvider> of(ModelProvider provider) {
        return Optional.ofNullable(byProvider.get(provider)).filter(GenerationProvider::configured);
    }

    /** The providers whose models may be chosen. */
    public Set<ModelProvider> configured() {
        Set<ModelProvider> on = EnumSet.noneOf(ModelProvider.class);
        byProvider.values().stream()
                .filter(GenerationProvider::configured)
                .forEach(adapter -> on.add(adapter.provider()));
        return on;
    }
}
