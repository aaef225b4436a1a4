package io.contentfactory.ingest.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where bytes land while they arrive: one temporary file per incoming file, hashed and counted as it is written,
 * on the same filesystem as the local store so that storing it is a rename. Memory stays at one buffer per file
 * whatever its size.
 */
@ApplicationScoped
public class StagingArea {

    private static final Logger LOG = Logger.getLogger(StagingArea.class);
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final String PREFIX = "incoming-";
    /** Staging files older than this are an earlier process's leftovers (a crash mid-upload), not work in flight. */
    private static final Duration ABANDONED = Duration.ofHours(6);

    private final Path dir;

    StagingArea(@ConfigProperty(name = "factory.ingest.staging-dir") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    void removeAbandoned(@Observes StartupEvent started) throws IOException {
        Files.createDirectories(dir);
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(file);
                    LOG.infof("removed abandoned staging file %s", file.getFileName());
                }
            }
        }
    }

    /** A new empty staging file, for a caller that writes it itself (an import streaming on the event loop). */
    public Path newFile() throws IOException {
        return Files.createTempFile(Files.createDirectories(dir), PREFIX, ".part");
    }

    /**
     * Streams {@code content} into a staging file. {@code progress} hears the byte count now and then; past
     * {@code limit} bytes the file is deleted and {@link TooLargeException} thrown.
     */
    public StagedFile receive(InputStream content, long limit, LongConsumer progress) throws IOException {
        Path file = newFile();
        try {
            IncomingDigest digest = new IncomingDigest(limit);
            byte[] buffer = new byte[BUFFER_BYTES];
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = content.read(buffer)) != -1) {
                    digest.accept(buffer, 0, read);
                    out.write(buffer, 0, read);
                    progress.accept(digest.size());
                }
            }
            return staged(file, digest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The staged file once its last byte went through {@code digest}. */
    public StagedFile staged(Path file, IncomingDigest digest) {
        return new StagedFile(file, digest.hex(), digest.size(), digest.head());
    }
}
