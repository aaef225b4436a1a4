package io.contentfactory.coach.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which plans a page holds: by status and source media when given, after the keyset ({@code at}, {@code id}) when given. */
public record PlanFilter(
        Optional<PlanStatus> status, Optional<UUID> sourceMediaId, Optional<Instant> at, Optional<UUID> id) {}
