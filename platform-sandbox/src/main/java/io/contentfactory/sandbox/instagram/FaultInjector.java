package io.contentfactory.sandbox.instagram;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults queued per account and operation: the next calls of that operation for that account fail with them, in
 * order, before the sandbox does anything else. Not part of Instagram's API; tests arm it to drive the publisher's
 * failure paths.
 */
@ApplicationScoped
public class FaultInjector {

    public enum Operation { CREATE_CONTAINER, PUBLISH }

    public enum Fault {
        /** HTTP 500 with Graph error code 2, as Instagram answers a transient failure. */
        SERVER_ERROR,
        /** Graph error code 4, the application request limit. */
        RATE_LIMIT;

        GraphError asError() {
            return switch (this) {
                case SERVER_ERROR -> new GraphError(500, "OAuthException", 2, null,
                        "An unexpected error has occurred. Please retry your request later.");
                case RATE_LIMIT -> new GraphError(400, "OAuthException", 4, null, "Application request limit reached");
            };
        }
    }

    private final Map<String, Deque<Fault>> armed = new ConcurrentHashMap<>();

    public void arm(String accountId, Operation operation, Fault fault, int times) {
        Deque<Fault> queue = armed.computeIfAbsent(key(accountId, operation), k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** Throws the next armed fault of this account and operation, if any. */
    public void check(String accountId, Operation operation) {
        Deque<Fault> queue = armed.get(key(accountId, operation));
        if (queue == null) {
            return;
        }
        Fault next;
        synchronized (queue) {
            next = queue.pollFirst();
        }
        if (next != null) {
            throw next.asError();
        }
    }

    private static String key(String accountId, Operation operation) {
        return accountId + "/" + operation;
    }
}
