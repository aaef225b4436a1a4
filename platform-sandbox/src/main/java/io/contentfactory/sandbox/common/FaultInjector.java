package io.contentfactory.sandbox.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults queued per platform, account and operation: the next calls of that operation for that account meet them,
 * in order. An account of {@code *} matches the next call of any account (a per-request fault). Not part of any
 * platform's API; tests arm it to drive the publisher's failure paths.
 */
@ApplicationScoped
public class FaultInjector {

    public static final String ANY_ACCOUNT = "*";

    private final Map<String, Deque<Fault>> armed = new ConcurrentHashMap<>();

    public void arm(String platform, String accountId, String operation, Fault fault, int times) {
        Deque<Fault> queue = armed.computeIfAbsent(key(platform, accountId, operation), k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** Takes the next fault armed for this call: the account's own first, then one armed for any account. */
    public Optional<Fault> take(String platform, String accountId, String operation) {
        return poll(key(platform, accountId, operation)).or(() -> poll(key(platform, ANY_ACCOUNT, operation)));
    }

    private Optional<Fault> poll(String key) {
        Deque<Fault> queue = armed.get(key);
        if (queue == null) {
            return Optional.empty();
        }
        synchronized (queue) {
            return Optional.ofNullable(queue.pollFirst());
        }
    }

    private static String key(String platform, String accountId, String operation) {
        return platform + "/" + accountId + "/" + operation;
    }
}
