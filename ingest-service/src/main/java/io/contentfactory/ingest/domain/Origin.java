package io.contentfactory.ingest.domain;

/**
 * Where a file comes from, as told before its bytes arrive.
 *
 * @param sourceType    {@code watched_folder}, {@code upload} or {@code url_import}
 * @param sourceUrl     the URL of an import, null otherwise
 * @param platformHint  the sender's own hint; when null, one is derived from the file's shape
 * @param bytesExpected the announced size (Content-Length), when known
 * @param watchedPath   the path inside the project's watched folder, null otherwise
 */
public record Origin(
        String sourceType,
        String fileName,
        String sourceUrl,
        String platformHint,
        Long bytesExpected,
        String watchedPath) {

    public static Origin watched(String relativePath, String fileName, long size) {
        return new Origin("watched_folder", fileName, null, null, size, relativePath);
    }

    public static Origin upload(String fileName, String platformHint, Long bytesExpected) {
        return new Origin("upload", fileName, null, platformHint, bytesExpected, null);
    }

    public static Origin urlImport(String url, String fileName, String platformHint) {
        return new Origin("url_import", fileName, url, platformHint, null, null);
    }
}
