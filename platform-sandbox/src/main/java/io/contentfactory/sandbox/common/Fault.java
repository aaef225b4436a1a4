package io.contentfactory.sandbox.common;

/** What an armed fault does to the next matching call; each platform answers it in its own documented way. */
public enum Fault {
    /** HTTP 500 with the platform's transient-error body. */
    SERVER_ERROR,
    /** The platform's rate-limit answer (HTTP 429, or Graph code 4). */
    RATE_LIMIT,
    /** The call takes effect on the platform, but its answer comes too late for any sensible client timeout. */
    SUCCEEDS_LATE,
    /** The call takes no effect and its (error) answer comes too late: the client times out. */
    TIMEOUT,
    /** The item is accepted, then its processing ends in the platform's error state. */
    ERROR,
    /** The item is accepted, then expires before it can be published (Instagram's EXPIRED). */
    EXPIRED,
    /** The platform cannot fetch the media from the given URL. */
    MEDIA_FETCH_FAILED;

    /** How late a {@link #SUCCEEDS_LATE} or {@link #TIMEOUT} answer comes. */
    public static final java.time.Duration LATE_ANSWER = java.time.Duration.ofSeconds(5);
}
