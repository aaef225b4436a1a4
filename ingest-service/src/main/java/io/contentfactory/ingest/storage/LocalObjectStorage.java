package io.contentfactory.ingest.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The filesystem store: bytes are streamed into a temporary file while hashed, then moved atomically to
 * {@code <root>/<project-id>/<sha256>}. A second copy of the same bytes in a project lands on the same object.
 */
@ApplicationScoped
public class LocalObjectStorage implements ObjectStorage {

    private static final int HEAD_BYTES = 64;
    private final Path root;

    LocalObjectStorage(@ConfigProperty(name = "factory.ingest.storage-root") Path root) {
        this.root = root;
    }

    @Override
    public StoredObject put(UUID projectId, InputStream content) throws IOException {
        Path projectDir = Files.createDirectories(root.resolve(projectId.toString()));
        Path temp = Files.createTempFile(projectDir, ".incoming-", ".tmp");
        try {
            MessageDigest sha = sha256();
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    if (headLength < HEAD_BYTES) {
                        int take = Math.min(read, HEAD_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    out.write(buffer, 0, read);
                    size += read;
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = projectDir.resolve(hash);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new StoredObject(projectId + "/" + hash, hash, size, Arrays.copyOf(head, headLength));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Path localPath(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root.normalize())) {
            throw new IllegalArgumentException("storage key escapes the root: " + key);
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
