package io.contentfactory.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.testkit.ServiceLayers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        ServiceLayers.of("io.contentfactory.scheduler").check();
    }

    @Test
    void targetStatusesAreSpelledOnlyByTheirEnumAndTheirStores() {
        List<String> statuses =
                Arrays.stream(TargetStatus.values()).map(TargetStatus::wire).toList();
        // MediaArrivals and IngestMedia read analysis-service's and ingest-service's statuses, not a target's.
        assertThat(ServiceLayers.statusLiterals(
                        statuses,
                        List.of(
                                "domain/TargetStatus.java",
                                "persistence/",
                                "service/MediaArrivals.java",
                                "clients/IngestMedia.java")))
                .isEmpty();
    }
}
