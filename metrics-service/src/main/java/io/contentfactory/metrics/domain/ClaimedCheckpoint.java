package io.contentfactory.metrics.domain;

import io.contentfactory.metrics.domain.PostSocialScore.Baseline;
import java.util.OptionalDouble;

/**
 * A checkpoint as its claim read it, with what reading it needs, so that the reading itself opens no transaction
 * until it records.
 *
 * @param afterEarlier whether an earlier checkpoint of the same post is still pending
 * @param prediction   the media's pre-social score, if analysis gave one
 * @param baseline     the account's baseline for this checkpoint
 * @param comments     the post's comments stored so far
 * @param previous     the target's numbers at its latest earlier checkpoint, or null
 */
public record ClaimedCheckpoint(
        MetricCheckpoint checkpoint,
        boolean afterEarlier,
        OptionalDouble prediction,
        Baseline baseline,
        StoredComments comments,
        MetricValues previous) {}
