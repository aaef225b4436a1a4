package io.contentfactory.ingest;

import io.contentfactory.testkit.ServiceLayers;
import io.contentfactory.testkit.ServiceLayers.Layer;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        // The object stores (local disk, S3) are outbound adapters like clients/.
        ServiceLayers.of("io.contentfactory.ingest")
                .with(Layer.CLIENTS, "storage")
                .check();
    }
}
