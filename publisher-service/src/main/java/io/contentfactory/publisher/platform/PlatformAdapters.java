package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The adapter of each platform. */
@ApplicationScoped
public class PlatformAdapters {

    private final Map<Platform, PlatformAdapter> adapters = new EnumMap<>(Platform.class);

    PlatformAdapters(Instance<PlatformAdapter> all) {
        all.forEach(adapter -> adapters.put(adapter.platform(), adapter));
        for (Platform platform : Platform.values()) {
            if (!adapters.containsKey(platform)) {
                throw new IllegalStateException("no adapter for " + platform);
            }
        }
    }

    public PlatformAdapter of(Platform platform) {
        return adapters.get(platform);
    }

    /** By the lower-case name jobs and connections store. */
    public PlatformAdapter of(String platform) {
        return of(Platform.valueOf(platform.toUpperCase(java.util.Locale.ROOT)));
    }
}
