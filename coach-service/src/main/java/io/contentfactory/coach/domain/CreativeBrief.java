package io.contentfactory.coach.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A creative brief (the seed's {@code creative_briefs}): what to make next and why, from one of the project's own top
 * posts, a person's prompt or an imported top-performer pattern. Its structured parts are JSON columns, encoded and
 * decoded by its store from {@link #content}, {@link #reference} and {@link #evidence}.
 */
@Entity
@Table(name = "creative_briefs")
public class CreativeBrief {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "source_type")
    @Convert(converter = BriefSource.Column.class)
    public BriefSource source;

    /** For an {@code own_top_post} brief, the media item it builds on; else null. */
    @Column(name = "media_id")
    public UUID mediaId;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "angle_name")
    public String angleName;

    @Column(name = "target_audience")
    public String targetAudience;

    @Column(name = "core_promise")
    public String corePromise;

    @Column(name = "hook_ideas")
    public String hookIdeas;

    @Column(name = "script_outline")
    public String scriptOutline;

    @Column(name = "visual_directions")
    public String visualDirections;

    @Column(name = "posting_guidance")
    public String postingGuidance;

    @Column(name = "evidence_ids")
    public String evidenceIds;

    @Column(name = "ready_for_use")
    public boolean readyForUse;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Transient
    public BriefContent content;

    /** What the brief was made from: ids and figures of the post, prompt or pattern. */
    @Transient
    public Map<String, Object> reference;

    /** For an {@code own_top_post} brief, the ids of the insight snapshot's entries it rests on; else empty. */
    @Transient
    public List<String> evidence;

    public static CreativeBrief written(
            UUID projectId,
            BriefSource source,
            UUID mediaId,
            Map<String, Object> reference,
            BriefContent content,
            List<String> evidence,
            Instant at) {
        CreativeBrief brief = new CreativeBrief();
        brief.projectId = projectId;
        brief.id = UUID.randomUUID();
        brief.source = source;
        brief.mediaId = mediaId;
        brief.reference = Map.copyOf(reference);
        brief.content = content;
        brief.evidence = List.copyOf(evidence);
        brief.readyForUse = false;
        brief.createdAt = at;
        brief.updatedAt = at;
        return brief;
    }

    /** A person's edit: the parts of {@code edits} that are set replace the brief's; the rest stay. */
    public void edit(BriefEdit edits, Instant at) {
        BriefContent was = content;
        content = new BriefContent(
                edits.angleName() != null ? edits.angleName() : was.angleName(),
                edits.targetAudience() != null ? edits.targetAudience() : was.targetAudience(),
                edits.corePromise() != null ? edits.corePromise() : was.corePromise(),
                edits.hookIdeas() != null ? edits.hookIdeas() : was.hookIdeas(),
                edits.scriptOutline() != null ? edits.scriptOutline() : was.scriptOutline(),
                edits.visualDirections() != null ? edits.visualDirections() : was.visualDirections(),
                edits.postingGuidance() != null ? edits.postingGuidance() : was.postingGuidance());
        if (edits.readyForUse() != null) {
            readyForUse = edits.readyForUse();
        }
        updatedAt = at;
    }

    /** A change to a brief; null parts are left as they are. */
    public record BriefEdit(
            Boolean readyForUse,
            String angleName,
            String targetAudience,
            String corePromise,
            List<String> hookIdeas,
            BriefContent.ScriptOutline scriptOutline,
            BriefContent.VisualDirections visualDirections,
            BriefContent.PostingGuidance postingGuidance) {}
}
