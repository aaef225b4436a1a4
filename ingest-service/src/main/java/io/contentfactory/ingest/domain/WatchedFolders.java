package io.contentfactory.ingest.domain;

import io.contentfactory.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where each project's media is dropped: the folder an operator configured for its slug, else {@code <root>/<slug>}. */
@ApplicationScoped
public class WatchedFolders {

    private final Path root;
    private final Map<String, Path> configured;

    WatchedFolders(IngestConfig config) {
        this.root = config.watchRoot().toAbsolutePath().normalize();
        this.configured = config.projectFolders();
    }

    public Path of(String slug) {
        Path folder = configured.get(slug);
        return folder != null ? folder.toAbsolutePath().normalize() : root.resolve(slug);
    }

    public void create(String slug) {
        try {
            Files.createDirectories(of(slug));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the watched folder of " + slug, e);
        }
    }
}
