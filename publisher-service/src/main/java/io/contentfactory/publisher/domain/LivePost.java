package io.contentfactory.publisher.domain;

/** A post the platform confirmed is live: its id there and its public URL. */
public record LivePost(String externalId, String permalink) {}
