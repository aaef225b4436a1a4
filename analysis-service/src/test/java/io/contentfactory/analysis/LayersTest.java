package io.contentfactory.analysis;

import io.contentfactory.testkit.ServiceLayers;
import io.contentfactory.testkit.ServiceLayers.Layer;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        // The local analyzers decode media with FFmpeg and OpenCV: outbound tools like the AI providers in clients/.
        // Scoring and text features are pure computations: domain policies.
        ServiceLayers.of("io.contentfactory.analysis")
                .with(Layer.CLIENTS, "audio")
                .with(Layer.CLIENTS, "frames")
                .with(Layer.CLIENTS, "probe")
                .with(Layer.DOMAIN, "scoring")
                .with(Layer.DOMAIN, "text")
                .check();
    }
}
