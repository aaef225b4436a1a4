package io.contentfactory.publisher.domain;

/** What a person found on the platform about a job whose outcome stayed unknown ({@code needs_decision}). */
public sealed interface PublishDecision {

    /** The post is live: its platform id and link. */
    record Live(String externalId, String permalink) implements PublishDecision {}

    /** Nothing went live: the target may be published again. */
    record NothingLive() implements PublishDecision {}
}
