package io.contentfactory.coach.service;

import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.persistence.MediaProfileStore;
import io.contentfactory.coach.persistence.PostCheckpointStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What the coach knows of a media item now, as the snapshot insights and briefs are written from. */
@ApplicationScoped
class CoachSnapshots {

    private final MediaProfileStore profiles;
    private final PostCheckpointStore checkpoints;

    CoachSnapshots(MediaProfileStore profiles, PostCheckpointStore checkpoints) {
        this.profiles = profiles;
        this.checkpoints = checkpoints;
    }

    /** Call inside a project-bound transaction. */
    Uni<CoachSnapshot> of(UUID mediaId) {
        return profiles.of(mediaId)
                .chain(profile -> checkpoints
                        .ofMedia(mediaId)
                        .map(readings -> CoachSnapshot.of(mediaId, profile.orElse(null), readings)));
    }
}
