package io.contentfactory.ingest.storage;

/**
 * An object written to storage.
 *
 * @param key  the content address: {@code <project-id>/<sha256>}
 * @param head the first bytes, for content sniffing
 */
public record StoredObject(String key, String sha256, long sizeBytes, byte[] head) {}
