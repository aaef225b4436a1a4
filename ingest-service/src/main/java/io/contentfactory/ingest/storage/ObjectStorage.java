package io.contentfactory.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/** Content-addressed object storage, de-duplicated per project. Writes are atomic: no partial object is visible. */
public interface ObjectStorage {

    StoredObject put(UUID projectId, InputStream content) throws IOException;

    Path localPath(String key);
}
