package io.contentfactory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.testkit.ServiceLayers;
import io.contentfactory.testkit.ServiceLayers.Layer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        // The object stores (local disk, S3) are outbound adapters like clients/.
        ServiceLayers.of("io.contentfactory.ingest")
                .with(Layer.CLIENTS, "storage")
                .check();
    }

    @Test
    void mediaStatusesAreSpelledOnlyByTheirEnumAndTheirStores() {
        List<String> statuses =
                Arrays.stream(MediaStatus.values()).map(MediaStatus::wire).toList();
        // The analysis-progress consumer reads analysis-service's statuses, which share some words with ours.
        assertThat(ServiceLayers.statusLiterals(
                        statuses,
                        List.of("domain/MediaStatus.java", "persistence/", "messaging/AnalysisProgressConsumer.java")))
                .isEmpty();
    }
}
