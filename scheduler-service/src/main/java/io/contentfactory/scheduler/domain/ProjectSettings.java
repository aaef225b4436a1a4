package io.contentfactory.scheduler.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project's planning settings as stored; {@link ScheduleSettings} is what they mean. */
@Entity
@Table(name = "planning_settings")
public class ProjectSettings {
    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "time_zone")
    public String timeZone;
    /** {@code {"monday": ["08:00-22:00"], ...}}; null when posting is allowed around the clock. */
    @Column(name = "windows_json")
    public String windowsJson;
    /** {@code {"instagram": 3}}: posts per local day per platform. */
    @Column(name = "daily_caps_json")
    public String dailyCapsJson;
    /** {@code [{"platform": "instagram", "accountId": "..."}]}: where analysed media are queued; null for the default. */
    @Column(name = "auto_targets_json")
    public String autoTargetsJson;
    /** {@code {"instagram": [168 weights]}}. */
    @Column(name = "weights_json")
    public String weightsJson;

    @Column(name = "require_approval")
    public boolean requireApproval;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
