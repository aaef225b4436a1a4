package io.contentfactory.gateway.edge;

import io.contentfactory.kit.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The streaming proxy behind the edge: the request goes to the service that owns its route ({@link RouteHandler})
 * with the internal token in place of the API key, its body streamed with back-pressure and counted, never buffered
 * whole, so a chunked body cannot slip past the size limit. The answer streams back, with a Location naming the
 * service's own address rewritten to the gateway's.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    private static final long TIMEOUT_MILLIS = 60_000;
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "authorization");

    private final HttpClient client;
    private final BodyLimits limits;
    private final long uploadTimeoutMillis;

    Forwarder(
            Vertx vertx,
            BodyLimits limits,
            @ConfigProperty(name = "factory.gateway.upload-timeout") Duration uploadTimeout) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64).setConnectTimeout(5_000));
        this.limits = limits;
        this.uploadTimeoutMillis = uploadTimeout.toMillis();
    }

    /** An answer read whole, to be stored for an idempotent retry and sent. */
    record Recorded(int status, String contentType, String location, Buffer body, boolean replayed) {

        void sendTo(RoutingContext ctx) {
            ctx.response().setStatusCode(status);
            if (contentType != null && !contentType.isEmpty()) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            }
            if (location != null && !location.isEmpty()) {
                ctx.response().putHeader(HttpHeaders.LOCATION, location);
            }
            if (replayed) {
                ctx.response().putHeader("Idempotent-Replayed", "true");
            }
            ctx.response().end(body);
        }
    }

    /** Forwards the request and streams the answer back as it comes. */
    void forward(RoutingContext ctx) {
        URI owner = EdgeRequest.upstream(ctx).base();
        send(ctx, null)
                .onSuccess(response -> {
                    ctx.response().setStatusCode(response.statusCode());
                    response.headers().forEach(header -> {
                        if (HttpHeaders.LOCATION.toString().equalsIgnoreCase(header.getKey())) {
                            ctx.response().headers().add(header.getKey(), publicLocation(header.getValue(), owner));
                        } else if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                            ctx.response().headers().add(header.getKey(), header.getValue());
                        }
                    });
                    ctx.response().send(response);
                })
                .onFailure(failure -> answerFailure(ctx, failure));
    }

    /**
     * Forwards the request, hashing its body into {@code digest} as it streams, and reads the answer whole. When it
     * fails, nothing was answered: the caller answers with {@link #answerFailure}.
     */
    Future<Recorded> forwardRecording(RoutingContext ctx, MessageDigest digest) {
        URI owner = EdgeRequest.upstream(ctx).base();
        return send(ctx, digest)
                .compose(response -> response.body()
                        .map(body -> new Recorded(
                                response.statusCode(),
                                response.getHeader(HttpHeaders.CONTENT_TYPE),
                                publicLocation(response.getHeader(HttpHeaders.LOCATION), owner),
                                body,
                                false)));
    }

    /** The answer to a forward that failed: 413 for a body that grew past its limit, else 502. */
    void answerFailure(RoutingContext ctx, Throwable failure) {
        if (failure instanceof BodyOverLimit) {
            limits.refuse(ctx);
            return;
        }
        LOG.warnf(
                "forwarding %s %s to %s failed: %s",
                ctx.request().method(),
                ctx.request().path(),
                EdgeRequest.upstream(ctx).base(),
                failure.toString());
        EdgeProblems.send(
                ctx,
                Problem.of(502, "upstream_unavailable", "Bad gateway", "the service behind this route did not answer"),
                EdgeRequest.requestId(ctx));
    }

    /** Why a forward failed when its body grew past the limit and the upstream request was reset. */
    private static final class BodyOverLimit extends RuntimeException {
        BodyOverLimit() {
            super("the body grew past its limit", null, false, false);
        }
    }

    private Future<HttpClientResponse> send(RoutingContext ctx, MessageDigest digest) {
        HttpServerRequest in = ctx.request();
        AtomicBoolean overLimit = new AtomicBoolean();
        return client.request(requestOptions(in, EdgeRequest.upstream(ctx).base()))
                .compose(out -> {
                    out.headers().setAll(forwardedHeaders(in, EdgeRequest.token(ctx), EdgeRequest.requestId(ctx)));
                    streamBody(in, out, digest, overLimit);
                    return out.response();
                })
                .recover(failure -> Future.failedFuture(overLimit.get() ? new BodyOverLimit() : failure));
    }

    /**
     * Streams the request body upstream with back-pressure, counting it: a body without Content-Length (chunked)
     * that grows past the limit resets the upstream request, which fails its response; {@code overLimit} tells why.
     */
    private void streamBody(
            HttpServerRequest in, HttpClientRequest out, MessageDigest digest, AtomicBoolean overLimit) {
        if (!hasBody(in)) {
            out.end();
            in.resume();
            return;
        }
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        limits.count(
                in,
                chunk -> {
                    if (digest != null) {
                        digest.update(chunk.getBytes());
                    }
                    out.write(chunk);
                    if (out.writeQueueFull()) {
                        in.pause();
                        out.drainHandler(ignored -> in.resume());
                    }
                },
                () -> {
                    overLimit.set(true);
                    out.reset();
                },
                out::end);
        in.resume();
    }

    /**
     * Whether a body follows the headers. HTTP/1.1 says so with Content-Length or Transfer-Encoding; HTTP/2 (h2c
     * included) has neither for a streamed body, only a stream not yet ended.
     */
    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && !in.isEnded());
    }

    /**
     * A service names what it created by its own absolute URL (JAX-RS resolves a relative Location against the
     * request it received: the service's internal address). Such a Location is passed on as its path and query,
     * which the client resolves against the gateway; one naming any other place is passed on as it is.
     */
    static String publicLocation(String location, URI owner) {
        if (location == null || location.isEmpty()) {
            return location;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(owner.getHost())
                || port(uri) != port(owner)) {
            return location;
        }
        return uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The idle timeout: an upload's answer comes only after its last byte, so it waits longer. */
    private RequestOptions requestOptions(HttpServerRequest in, URI owner) {
        return new RequestOptions()
                .setMethod(in.method())
                .setHost(owner.getHost())
                .setPort(owner.getPort())
                .setURI(forwardedUri(in))
                .setTimeout(EdgeRequest.isUpload(in) ? uploadTimeoutMillis : TIMEOUT_MILLIS);
    }

    /** The request's path and query; a feed key given as {@code ?token=} stops here and is not passed on. */
    private static String forwardedUri(HttpServerRequest in) {
        if (!EdgeRequest.isFeed(in) || in.query() == null) {
            return in.uri();
        }
        String query = Arrays.stream(in.query().split("&"))
                .filter(part -> !part.startsWith("token="))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? in.path() : in.path() + "?" + query;
    }

    private static MultiMap forwardedHeaders(HttpServerRequest in, String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        return headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .set(RequestIdHandler.HEADER, requestId)
                .set("X-Forwarded-For", String.valueOf(in.remoteAddress().hostAddress()));
    }
}
