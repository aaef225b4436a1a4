package io.contentfactory.gateway.domain;

import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The request a key was first used with and, once {@link IdempotencyState#COMPLETED}, the answer it got, replayed to
 * a retry of the same request.
 */
public record IdempotencyRecord(
        IdempotencyState state,
        String method,
        String path,
        String requestHash,
        Integer status,
        String contentType,
        String location,
        Buffer body) {

    /** Whether a retry is this same request: method, path and body hash. */
    public boolean sameRequest(String method, String path, String requestHash) {
        return this.method.equals(method) && this.path.equals(path) && this.requestHash.equals(requestHash);
    }
}
