package io.contentfactory.studio.config;

import io.contentfactory.studio.domain.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The catalog, read once at start: the configured file, else the defaults. A bad catalog stops the start. */
@ApplicationScoped
public class CatalogSource {

    @Produces
    @jakarta.inject.Singleton
    ModelCatalog catalog(StudioConfig config) {
        return ModelCatalog.parse(config.catalogFile()
                .filter(file -> !file.isBlank())
                .map(CatalogSource::file)
                .orElseGet(CatalogSource::defaults));
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("factory.studio.catalog-file " + path + " cannot be read", e);
        }
    }

    private static String defaults() {
        try (InputStream in = CatalogSource.class.getResourceAsStream("/generation-models.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
