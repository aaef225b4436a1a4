package io.contentfactory.coach.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which briefs a page holds: by source and readiness when given, after the keyset ({@code at}, {@code id}) when given. */
public record BriefFilter(
        Optional<BriefSource> source, Optional<Boolean> ready, Optional<Instant> at, Optional<UUID> id) {}
