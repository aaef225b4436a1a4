package io.contentfactory.coach.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which patterns a page holds: by angle, format, product category and import when given, after the keyset ({@code
 * at}, {@code id}) when given.
 */
public record PatternFilter(
        Optional<PatternAngle> angle,
        Optional<FormatType> format,
        Optional<String> productCategory,
        Optional<UUID> importId,
        Optional<Instant> at,
        Optional<UUID> id) {}
