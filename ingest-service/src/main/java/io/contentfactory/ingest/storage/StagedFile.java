package io.contentfactory.ingest.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes received in full into the staging area, hashed on the way in. Nothing outside ingest sees a staged file:
 * it becomes an object only through {@link ObjectStorage#store}.
 *
 * @param head the first bytes, for content sniffing
 */
public record StagedFile(Path path, String sha256, long sizeBytes, byte[] head) {

    public void discard() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover staging file is removed by the next start (StagingArea)
        }
    }
}
