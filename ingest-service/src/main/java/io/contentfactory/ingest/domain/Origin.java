package io.contentfactory.ingest.domain;

import java.util.UUID;

/**
 * Where a file comes from, as told before its bytes arrive.
 *
 * @param sourceType    {@code watched_folder}, {@code upload} or {@code url_import}
 * @param sourceUrl     the URL of an import, null otherwise
 * @param platformHint  the sender's own hint; when null, one is derived from the file's shape
 * @param bytesExpected the announced size (Content-Length), when known
 * @param watchedPath   the path inside the project's watched folder, null otherwise
 * @param derivedFromPlanId the coach's derivative plan the file was made from, as the sender said; null otherwise
 * @param provenance    for a generated file, how studio-service made it (a JSON object); null otherwise
 */
public record Origin(
        String sourceType,
        String fileName,
        String sourceUrl,
        String platformHint,
        Long bytesExpected,
        String watchedPath,
        UUID derivedFromPlanId,
        String provenance) {

    public static Origin watched(String relativePath, String fileName, long size) {
        return new Origin("watched_folder", fileName, null, null, size, relativePath, null, null);
    }

    public static Origin upload(String fileName, String platformHint, Long bytesExpected, UUID derivedFromPlanId) {
        return new Origin("upload", fileName, null, platformHint, bytesExpected, null, derivedFromPlanId, null);
    }

    public static Origin urlImport(String url, String fileName, String platformHint, UUID derivedFromPlanId) {
        return new Origin("url_import", fileName, url, platformHint, null, null, derivedFromPlanId, null);
    }

    /** A post studio-service generated; {@code provenance} is how (a JSON object). */
    public static Origin generated(String fileName, Long bytesExpected, UUID derivedFromPlanId, String provenance) {
        return new Origin("generated", fileName, null, null, bytesExpected, null, derivedFromPlanId, provenance);
    }
}
