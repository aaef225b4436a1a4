package io.contentfactory.kit.timer;

import java.util.UUID;

/** A leased timer row; {@code epoch} fences the fire against a later claim of the same row. */
public record TimerClaim(UUID id, UUID projectId, long epoch) {
}
