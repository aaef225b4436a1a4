package io.contentfactory.gateway.edge;

import io.contentfactory.kit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a body may be: an upload up to {@code factory.gateway.max-upload-size}, any other body up to {@code
 * factory.gateway.max-body-size}. As a handler it refuses a declared length over the limit before anything else is
 * read; a body without a length (chunked) is counted as it streams, by whatever reads it, which calls {@link
 * #refuse} when it grows past the limit.
 */
@ApplicationScoped
class BodyLimits implements Handler<RoutingContext> {

    private final long maxBodyBytes;
    private final long maxUploadBytes;

    BodyLimits(
            @ConfigProperty(name = "factory.gateway.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "factory.gateway.max-upload-size") MemorySize maxUploadSize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxUploadBytes = maxUploadSize.asLongValue();
    }

    @Override
    public void handle(RoutingContext ctx) {
        long declared = contentLength(ctx.request());
        if (declared > limitOf(ctx.request())) {
            tooLarge(ctx, "the body is " + declared + " bytes; the limit is " + limitOf(ctx.request()));
            return;
        }
        ctx.next();
    }

    /**
     * Reads the body as it streams, counting it: each chunk within the limit goes to {@code chunks}; past the limit,
     * reading stops and {@code overLimit} runs instead of {@code end}. The caller resumes the paused request.
     */
    void count(HttpServerRequest in, Handler<Buffer> chunks, Runnable overLimit, Runnable end) {
        long limit = limitOf(in);
        long[] received = {0};
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                in.handler(null).endHandler(null);
                overLimit.run();
                return;
            }
            chunks.handle(chunk);
        });
        in.endHandler(ignored -> end.run());
    }

    long limitOf(HttpServerRequest request) {
        return EdgeRequest.isUpload(request) ? maxUploadBytes : maxBodyBytes;
    }

    /** Answers 413 for a body found too large while it streamed. */
    void refuse(RoutingContext ctx) {
        // The rest of the body is never read: an HTTP/1.1 connection cannot carry another request. HTTP/2 forbids
        // the header; its stream alone ends.
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        tooLarge(ctx, "the body is over the limit of " + limitOf(ctx.request()) + " bytes");
    }

    private static void tooLarge(RoutingContext ctx, String detail) {
        EdgeProblems.send(
                ctx, Problem.of(413, "body_too_large", "Payload too large", detail), EdgeRequest.requestId(ctx));
    }

    private static long contentLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
