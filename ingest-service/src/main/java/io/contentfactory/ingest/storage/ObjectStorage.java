package io.contentfactory.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Content-addressed object storage, de-duplicated per project: an object's key is {@code <project-id>/<sha256>}.
 * Storing is atomic, so no reader ever sees part of an object.
 */
public interface ObjectStorage {

    /** Makes a staged file an object (the staged file is consumed); storing bytes already there changes nothing. */
    String store(UUID projectId, StagedFile staged) throws IOException;

    InputStream open(String key) throws IOException;

    /**
     * A URL a platform can fetch the object from directly for {@code ttl} (a presigned URL), or empty when this store
     * has none and ingest-service serves the bytes itself under its own signed URL.
     */
    Optional<URI> directUrl(String key, String contentType, Duration ttl);

    /** The object's file when this store is the filesystem, so it can be sent without passing through the heap. */
    default Optional<java.nio.file.Path> localFile(String key) {
        return Optional.empty();
    }

    static String key(UUID projectId, String sha256) {
        return projectId + "/" + sha256;
    }
}
