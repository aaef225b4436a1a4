package io.contentfactory.coach.domain;

import java.util.Locale;

/** Why an insight was written: a post reached one of the coach's checkpoints, or someone asked for a fresh one. */
public enum InsightTrigger {
    CHECKPOINT,
    ON_DEMAND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
