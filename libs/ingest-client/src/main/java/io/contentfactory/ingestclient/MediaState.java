package io.contentfactory.ingestclient;

import java.util.UUID;

/**
 * Where an item stands at ingest-service, as its internal state route answers: its status there ({@code receiving},
 * {@code ingested}, {@code rejected}, {@code failed}, {@code duplicate}, ...), with the reason of a rejection or the
 * item a duplicate repeats, and its analysis's status and reason as analysis-service last reported them.
 */
public record MediaState(UUID mediaId, String status, String reason, String analysisStatus, String analysisReason) {}
