package io.contentfactory.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant: every key, connection, media item and post belongs to exactly one project. */
@Entity
@Table(name = "projects")
public class Project {
    @Id
    public UUID id;

    public String slug;
    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at")
    public Instant createdAt;
}
