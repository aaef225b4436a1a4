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
        SERVER_ERROR(() -> new GraphError(500, "OAuthException", 2, null,
                "An unexpected error has occurred. Please retry your request later.")),
        /** Graph error code 4, the application request limit. */
        RATE_LIMIT(() -> new GraphError(400, "OAuthException", 4, null, "Application request limit reached")),
        /** The call succeeds on the platform, but its answer comes too late for any sensible client timeout. */
        SUCCEEDS_LATE(null);

        /** A fresh error per call; none for a fault that answers, late. */
        private final java.util.function.Supplier<GraphError> error;

        Fault(java.util.function.Supplier<GraphError> error) {
            this.error = error;
        }
    }

    /** How late a {@link Fault#SUCCEEDS_LATE} answer comes. */
    public static final java.time.Duration LATE_ANSWER = java.time.Duration.ofSeconds(5);

    private final Map<String, Deque<Fault>> armed = new ConcurrentHashMap<>();

    public void arm(String accountId, Operation operation, Fault fault, int times) {
        Deque<Fault> queue = armed.computeIfAbsent(key(accountId, operation), k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.addLast(fault);
            }
        }
    }

    /**
     * Takes the next armed fault of this account and operation: an error fault is thrown, a late answer is returned
     * for the caller to delay its response; no fault is {@code false}.
     */
    public boolean answerLate(String accountId, Operation operation) {
        Deque<Fault> queue = armed.get(key(accountId, operation));
        if (queue == null) {
            return false;
        }
        Fault next;
        synchronized (queue) {
            next = queue.pollFirst();
        }
        if (next == null) {
            return false;
        }
        if (next.error == null) {
            return true;
        }
        throw next.error.get();
    }

    private static String key(String accountId, Operation operation) {
        return accountId + "/" + operation;
    }
}
