package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.BriefContent;
import io.contentfactory.coach.domain.BriefFilter;
import io.contentfactory.coach.domain.BriefSource;
import io.contentfactory.coach.domain.CreativeBrief;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The project's creative briefs, their structured parts as JSON. Call inside a project-bound transaction. */
@ApplicationScoped
public class CreativeBriefStore implements PanacheRepositoryBase<CreativeBrief, UUID> {

    /** Stores a new or changed brief, its parts encoded as JSON. */
    public Uni<CreativeBrief> save(CreativeBrief brief) {
        encode(brief);
        return persist(brief);
    }

    public Uni<Optional<CreativeBrief>> of(UUID id) {
        return findById(id).map(brief -> Optional.ofNullable(brief).map(CreativeBriefStore::decoded));
    }

    /** Whether the coach already wrote an {@code own_top_post} brief on the media item. */
    public Uni<Boolean> existsForMedia(UUID mediaId) {
        return count("mediaId = ?1 and source = ?2", mediaId, BriefSource.OWN_TOP_POST)
                .map(count -> count > 0);
    }

    /** Newest first. */
    public Uni<List<CreativeBrief>> page(BriefFilter filter, int limit) {
        NewestFirst query = new NewestFirst()
                .where("source", filter.source())
                .where("readyForUse", filter.ready())
                .after(filter.at(), filter.id());
        return find(query.query(), query.parameters())
                .page(0, limit)
                .list()
                .map(rows -> rows.stream().map(CreativeBriefStore::decoded).toList());
    }

    private static void encode(CreativeBrief brief) {
        BriefContent content = brief.content;
        brief.angleName = content.angleName();
        brief.targetAudience = content.targetAudience();
        brief.corePromise = content.corePromise();
        brief.hookIdeas = JsonColumns.write(content.hookIdeas());
        brief.scriptOutline = JsonColumns.write(content.scriptOutline());
        brief.visualDirections = JsonColumns.write(content.visualDirections());
        brief.postingGuidance = JsonColumns.write(content.postingGuidance());
        brief.sourceReference = JsonColumns.write(brief.reference);
        brief.evidenceIds = JsonColumns.write(brief.evidence);
    }

    @SuppressWarnings("unchecked")
    private static CreativeBrief decoded(CreativeBrief brief) {
        brief.content = new BriefContent(
                brief.angleName,
                brief.targetAudience,
                brief.corePromise,
                JsonColumns.read(brief.hookIdeas, List.class),
                JsonColumns.read(brief.scriptOutline, BriefContent.ScriptOutline.class),
                JsonColumns.read(brief.visualDirections, BriefContent.VisualDirections.class),
                JsonColumns.read(brief.postingGuidance, BriefContent.PostingGuidance.class));
        brief.reference = JsonColumns.read(brief.sourceReference, Map.class);
        brief.evidence = JsonColumns.read(brief.evidenceIds, List.class);
        return brief;
    }
}
