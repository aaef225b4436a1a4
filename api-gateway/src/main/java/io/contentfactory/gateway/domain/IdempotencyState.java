package io.contentfactory.gateway.domain;

import io.contentfactory.kit.domain.WireEnum;

/**
 * Where a request sent with an {@code Idempotency-Key} stands; {@code idempotency_records_state_check} lists the same
 * values. A record is claimed in progress and completes once, with the answer to replay; an in-progress claim whose
 * request never reached its service is deleted, so the key may be used again.
 */
public enum IdempotencyState implements WireEnum {
    IN_PROGRESS,
    COMPLETED;

    public static IdempotencyState ofWire(String value) {
        return WireEnum.ofWire(IdempotencyState.class, value);
    }
}
