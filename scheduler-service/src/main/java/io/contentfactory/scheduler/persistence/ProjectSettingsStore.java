package io.contentfactory.scheduler.persistence;

import io.contentfactory.scheduler.domain.ProjectSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectSettingsStore implements PanacheRepositoryBase<ProjectSettings, UUID> {}
