package io.contentfactory.studio;

import io.contentfactory.testkit.ServiceLayers;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        ServiceLayers.of("io.contentfactory.studio")
                .with(ServiceLayers.Layer.CLIENTS, "assembly")
                .check();
    }
}
