package io.contentfactory.metrics.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/**
 * Where a checkpoint stands. It is pending until it ends in one of four states, each with its reason, and never leaves
 * an ending. The database's {@code metric_checkpoints_state_check} lists the same values ({@link #wire()}).
 */
public enum CheckpointState implements WireEnum {
    /** Due, or waiting for data the platform has not made ready yet, for a budget or for new tokens. */
    PENDING,
    /** A row of metrics was read. */
    COLLECTED,
    /** The platform could not give the numbers: a permanent error, or data still not ready at the end of the window. */
    UNAVAILABLE,
    /** Nothing left to read: the post was deleted or the account disconnected. */
    SKIPPED,
    /** Posted by hand on an account the project has not connected: only a person can report its numbers. */
    UNMEASURABLE;

    /**
     * A pending checkpoint moves to any ending. Endings are final, but for one: an unmeasurable checkpoint is collected
     * when a person reports its numbers.
     */
    public boolean canMoveTo(CheckpointState next) {
        return (this == PENDING && next != PENDING) || (this == UNMEASURABLE && next == COLLECTED);
    }

    public boolean ended() {
        return this != PENDING;
    }

    public static CheckpointState ofWire(String value) {
        return WireEnum.ofWire(CheckpointState.class, value);
    }

    /** Stores the state as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<CheckpointState> {
        public Column() {
            super(CheckpointState.class);
        }
    }
}
