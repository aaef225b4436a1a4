package io.contentfactory.coach.service;

import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.MediaProfile;
import io.contentfactory.coach.persistence.AccountModelStore;
import io.contentfactory.coach.persistence.MediaProfileStore;
import io.contentfactory.coach.persistence.PostCheckpointStore;
import io.contentfactory.coach.persistence.TopPatternStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What the coach knows of a media item now, as the snapshot insights and briefs are written from. */
@ApplicationScoped
class CoachSnapshots {

    private final MediaProfileStore profiles;
    private final PostCheckpointStore checkpoints;
    private final TopPatternStore patterns;
    private final AccountModelStore models;

    CoachSnapshots(
            MediaProfileStore profiles,
            PostCheckpointStore checkpoints,
            TopPatternStore patterns,
            AccountModelStore models) {
        this.profiles = profiles;
        this.checkpoints = checkpoints;
        this.patterns = patterns;
        this.models = models;
    }

    /** Call inside a project-bound transaction. */
    Uni<CoachSnapshot> of(UUID mediaId) {
        return profiles.of(mediaId).chain(profile -> {
            MediaProfile media = profile.orElse(null);
            return patterns.hooks(CoachSnapshot.resembledPatterns(media))
                    .chain(hooks -> checkpoints
                            .ofMedia(mediaId)
                            .map(readings -> CoachSnapshot.of(mediaId, media, readings, hooks)))
                    .chain(snapshot -> models.inForceOfMedia(mediaId)
                            .map(learned -> learned.map(found -> snapshot.withLearned(
                                            found.account().platform(),
                                            found.account().accountId(),
                                            found.model()))
                                    .orElse(snapshot)));
        });
    }
}
