package io.contentfactory.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.publisher.domain.JobStatus;
import io.contentfactory.testkit.ServiceLayers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void theServiceKeepsItsLayers() {
        ServiceLayers.of("io.contentfactory.publisher").check();
    }

    @Test
    void jobAndConnectionStatusesAreSpelledOnlyByTheirEnumsAndTheirStores() {
        List<String> statuses =
                Arrays.stream(JobStatus.values()).map(JobStatus::wire).toList();
        // The adapters read the platforms' own statuses; the decision route reads a person's answer.
        assertThat(ServiceLayers.statusLiterals(
                        statuses,
                        List.of(
                                "domain/JobStatus.java",
                                "domain/ConnectionStatus.java",
                                "persistence/",
                                "platform/",
                                "api/PublishJobResource.java")))
                .isEmpty();
    }
}
