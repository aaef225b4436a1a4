package io.contentfactory.ingest.storage;

import io.contentfactory.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The configured object store: the filesystem by default, or an S3-compatible bucket. */
@ApplicationScoped
class StorageProducer {

    @Produces
    @ApplicationScoped
    ObjectStorage objectStorage(IngestConfig config) {
        return switch (config.storage().kind()) {
            case "local" -> new LocalObjectStorage(config.storageRoot());
            case "s3" -> S3ObjectStorage.create(config.storage().s3());
            default ->
                throw new IllegalArgumentException("factory.ingest.storage.kind must be local or s3, not "
                        + config.storage().kind());
        };
    }
}
