package io.contentfactory.gateway;

import io.contentfactory.testkit.ServiceLayers;
import io.contentfactory.testkit.ServiceLayers.Layer;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        // The edge is the public API itself: Vert.x route handlers in front of every service.
        ServiceLayers.of("io.contentfactory.gateway").with(Layer.API, "edge").check();
    }
}
