package io.contentfactory.contracts.events;

import java.util.UUID;

/** A tenant was created; services that route by project slug (the watched folders) learn it here. */
public record ProjectCreated(UUID projectId, String slug, String name, String timeZone) implements PipelineEvent {
    public ProjectCreated {
        Required.fields("projectId", projectId, "slug", slug, "name", name, "timeZone", timeZone);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
