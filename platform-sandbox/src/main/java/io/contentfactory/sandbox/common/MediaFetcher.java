package io.contentfactory.sandbox.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Fetches media from the URL a client gave, as the platforms do before they accept a post. */
@ApplicationScoped
public class MediaFetcher {

    private final WebClient http;

    MediaFetcher(Vertx vertx) {
        this.http = WebClient.create(vertx);
    }

    /** The media's answer; a transport failure or no answer in 15 s fails with a {@link FetchFailed}. */
    public Uni<HttpResponse<Buffer>> fetch(String url) {
        return Uni.createFrom()
                .deferred(() -> http.getAbs(url).timeout(10_000).send())
                .onFailure()
                .transform(failure -> new FetchFailed(url + " (" + failure.getMessage() + ")"))
                .ifNoItem()
                .after(Duration.ofSeconds(15))
                .failWith(() -> new FetchFailed(url + " (timeout)"));
    }

    public static String contentType(HttpResponse<Buffer> response) {
        return String.valueOf(response.getHeader("Content-Type"));
    }

    public static class FetchFailed extends RuntimeException {
        public FetchFailed(String message) {
            super(message);
        }
    }
}
