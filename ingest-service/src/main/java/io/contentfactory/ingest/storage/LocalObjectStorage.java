package io.contentfactory.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The filesystem store, the default: a staged file is renamed atomically to {@code <root>/<project-id>/<sha256>}.
 * A second copy of the same bytes in a project lands on the same object.
 */
public class LocalObjectStorage implements ObjectStorage {

    private final Path root;

    public LocalObjectStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String store(UUID projectId, StagedFile staged) throws IOException {
        Path target =
                Files.createDirectories(root.resolve(projectId.toString())).resolve(staged.sha256());
        if (Files.exists(target)) {
            staged.discard();
        } else {
            moveAtomically(staged.path(), target);
        }
        return ObjectStorage.key(projectId, staged.sha256());
    }

    /** A rename where staging shares the filesystem (the default); otherwise a copy beside the target, then a rename. */
    private static void moveAtomically(Path from, Path target) throws IOException {
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path beside = Files.createTempFile(target.getParent(), ".copy-", ".part");
            try {
                Files.copy(from, beside, StandardCopyOption.REPLACE_EXISTING);
                Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(beside);
                Files.deleteIfExists(from);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public Optional<URI> directUrl(String key, String contentType, Duration ttl) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path path = path(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key escapes the root: " + key);
        }
        return path;
    }
}
