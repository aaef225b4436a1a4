package io.contentfactory.publisher.platform;

import io.contentfactory.publisher.domain.PublishFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.file.AsyncFile;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Media for platforms that take the bytes instead of a URL (TikTok FILE_UPLOAD, YouTube): fetched from our storage
 * into a temporary file as it streams in, then read back in ranges, so memory does not grow with the file.
 */
@ApplicationScoped
public class MediaDownloads {

    private final Vertx vertx;
    private final WebClient http;

    MediaDownloads(Vertx vertx, WebClient http) {
        this.http = http;
        this.vertx = vertx;
    }

    /** A downloaded media file; {@link #delete()} it when done. */
    public record Download(Path file, long size, String contentType, Vertx vertx) {

        /** The bytes {@code [offset, offset + length)} as a stream to send. */
        public Uni<AsyncFile> range(long offset, long length) {
            return vertx.fileSystem()
                    .open(file.toString(), new OpenOptions().setRead(true))
                    .map(opened -> opened.setReadPos(offset).setReadLength(length));
        }

        public Uni<Void> delete() {
            return vertx.fileSystem().delete(file.toString()).onFailure().recoverWithNull();
        }
    }

    /** Fetches {@code url}; a non-2xx answer is a retryable failure at {@code stage}. */
    public Uni<Download> fetch(String url, String stage) {
        return vertx.executeBlocking(() -> Files.createTempFile("publish-media-", ".bin"))
                .chain(path -> vertx.fileSystem()
                        .open(path.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .chain(file -> http.getAbs(url)
                                .timeout(120_000)
                                .as(BodyCodec.pipe(file))
                                .send())
                        .chain(response -> {
                            if (response.statusCode() / 100 != 2) {
                                return vertx.fileSystem()
                                        .delete(path.toString())
                                        .onFailure()
                                        .recoverWithNull()
                                        .chain(() -> Uni.createFrom()
                                                .failure(new PublishFailure(
                                                        "media_fetch_failed",
                                                        "our storage answered HTTP " + response.statusCode()
                                                                + " for the media",
                                                        stage,
                                                        true,
                                                        Map.of("http_status", response.statusCode()))));
                            }
                            String type = response.getHeader("Content-Type");
                            return vertx.fileSystem()
                                    .props(path.toString())
                                    .map(props -> new Download(
                                            path,
                                            props.size(),
                                            type == null ? "application/octet-stream" : type,
                                            vertx));
                        })
                        .onFailure(failure -> !(failure instanceof PublishFailure))
                        .call(() -> vertx.fileSystem()
                                .delete(path.toString())
                                .onFailure()
                                .recoverWithNull()))
                .onFailure()
                .transform(failure -> failure instanceof PublishFailure
                        ? failure
                        : new PublishFailure(
                                "media_fetch_failed",
                                "the media could not be fetched from our storage: " + failure,
                                stage,
                                true,
                                Map.of()));
    }
}
