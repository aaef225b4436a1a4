package io.contentfactory.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project known to ingest, and the folder name (its slug) that media for it is dropped into. */
@Entity
@Table(name = "project_folders")
public class ProjectFolder {
    @Id
    @Column(name = "project_id")
    public UUID projectId;

    public String slug;
    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
