package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.gateway.service.ApiKeyAuthenticator;
import io.contentfactory.gateway.service.IdempotencyStore;
import io.contentfactory.gateway.service.InternalTokenMinter;
import io.contentfactory.kit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The public REST surface, {@code /v1/...}. For each request: a request id, a body-size limit, the API key
 * resolved to one project, the key's and the project's rate limits, the scope the method needs, then a fresh
 * internal token and a streamed forward to the service that owns the resource. Bodies are never buffered whole, and
 * are counted as they stream, so a chunked body cannot slip past the size limit.
 */
@ApplicationScoped
public class PublicApiEdge {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String FEED_PATH = "/v1/calendar.ics";
    private static final Pattern SAFE_IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(PublicApiEdge.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
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

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter limiter;
    private final InternalTokenMinter tokens;
    private final Upstreams upstreams;
    private final ServiceAudiences audiences;
    private final IdempotencyStore idempotency;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final long uploadTimeoutMillis;
    private HttpClient client;

    PublicApiEdge(
            ApiKeyAuthenticator authenticator,
            RateLimiter limiter,
            InternalTokenMinter tokens,
            Upstreams upstreams,
            ServiceAudiences audiences,
            IdempotencyStore idempotency,
            @ConfigProperty(name = "factory.gateway.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "factory.gateway.max-upload-size") MemorySize maxUploadSize,
            @ConfigProperty(name = "factory.gateway.upload-timeout") Duration uploadTimeout) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.audiences = audiences;
        this.idempotency = idempotency;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxUploadBytes = maxUploadSize.asLongValue();
        this.uploadTimeoutMillis = uploadTimeout.toMillis();
    }

    /** Media uploads stream through with their own, larger limit; every other body is small JSON. */
    private static boolean isUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && "/v1/media".equals(request.path());
    }

    private long bodyLimit(HttpServerRequest request) {
        return isUpload(request) ? maxUploadBytes : maxBodyBytes;
    }

    void install(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64).setConnectTimeout(5_000));
        router.route("/v1/*").order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = requestId(request);
        ctx.response().putHeader(REQUEST_ID, requestId);
        request.pause();
        long declared = contentLength(request);
        if (declared > bodyLimit(request)) {
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            413,
                            "body_too_large",
                            "Payload too large",
                            "the body is " + declared + " bytes; the limit is " + bodyLimit(request)),
                    requestId);
            return;
        }
        authenticator
                .authenticate(credential(request))
                .subscribe()
                .with(
                        principal -> {
                            try {
                                afterAuthentication(ctx, principal, requestId);
                            } catch (RuntimeException e) {
                                LOG.error("request handling failed unexpectedly", e);
                                EdgeProblems.send(
                                        ctx,
                                        Problem.of(
                                                500,
                                                "internal_error",
                                                "Internal error",
                                                "the request failed on our side; quote the request id when reporting it"),
                                        requestId);
                            }
                        },
                        failure -> {
                            LOG.error("authentication failed unexpectedly", failure);
                            EdgeProblems.send(
                                    ctx,
                                    Problem.of(
                                            503,
                                            "auth_unavailable",
                                            "Service unavailable",
                                            "keys cannot be checked right now; retry shortly"),
                                    requestId);
                        });
    }

    private void afterAuthentication(RoutingContext ctx, Optional<Principal> principal, String requestId) {
        if (principal.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"content-factory\"");
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            401,
                            "invalid_api_key",
                            "Unauthorized",
                            "send a valid project API key as 'Authorization: Bearer cf_live_...'"),
                    requestId);
            return;
        }
        Optional<Duration> wait = limiter.acquire(principal.get());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            429,
                            "rate_limited",
                            "Too many requests",
                            "this key or project is over its request rate; retry after " + seconds + " s"),
                    requestId);
            return;
        }
        Scope needed = scopeFor(ctx.request());
        if (!principal.get().allows(needed)) {
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            403,
                            "insufficient_scope",
                            "Forbidden",
                            "this key lacks the '" + needed.wireName() + "' scope"),
                    requestId);
            return;
        }
        Optional<Upstreams.Upstream> owner = upstreams.ownerOf(ctx.request().path(), audiences.byResource());
        if (owner.isEmpty()) {
            EdgeProblems.send(ctx, Problem.of(404, "not_found", "Not found", "no such route"), requestId);
            return;
        }
        String token = tokens.mint(principal.get(), requestId, owner.get().audience());
        String idempotencyKey = ctx.request().getHeader(IDEMPOTENCY_KEY);
        if (idempotencyKey != null && needed == Scope.WRITE && ctx.request().method() != HttpMethod.DELETE) {
            if (!SAFE_IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                EdgeProblems.send(
                        ctx,
                        Problem.of(
                                400,
                                "invalid_idempotency_key",
                                "Bad request",
                                "an Idempotency-Key is 1 to 255 printable ASCII characters"),
                        requestId);
                return;
            }
            idempotently(
                    ctx, owner.get().base(), token, requestId, principal.get().projectId(), idempotencyKey);
            return;
        }
        forward(ctx, owner.get().base(), token, requestId);
    }

    /**
     * Stripe's semantics: the first request with a key executes and its response is stored; a retry with the same
     * body gets that response again ({@code Idempotent-Replayed: true}); the same key with another body gets 422;
     * a duplicate arriving while the first still runs gets 409.
     */
    private void idempotently(
            RoutingContext ctx, URI owner, String token, String requestId, UUID projectId, String key) {
        HttpServerRequest in = ctx.request();
        idempotency
                .claim(projectId, key, in.method().name(), in.uri())
                .subscribe()
                .with(
                        claim -> {
                            switch (claim) {
                                case IdempotencyStore.Started started ->
                                    forwardRecording(ctx, owner, token, requestId, projectId, key);
                                case IdempotencyStore.InProgress inProgress -> {
                                    ctx.response().putHeader("Retry-After", "1");
                                    EdgeProblems.send(
                                            ctx,
                                            Problem.of(
                                                    409,
                                                    "idempotency_in_progress",
                                                    "Conflict",
                                                    "a request with this Idempotency-Key is still being processed"),
                                            requestId);
                                }
                                case IdempotencyStore.Completed completed ->
                                    hashBody(ctx, requestId, hash -> {
                                        if (hash.equals(completed.requestHash())
                                                && completed
                                                        .method()
                                                        .equals(in.method().name())
                                                && completed.path().equals(in.uri())) {
                                            replay(ctx, completed);
                                        } else {
                                            EdgeProblems.send(
                                                    ctx,
                                                    Problem.of(
                                                            422,
                                                            "idempotency_key_reused",
                                                            "Unprocessable content",
                                                            "this Idempotency-Key was used with a different request"),
                                                    requestId);
                                        }
                                    });
                            }
                        },
                        failure -> {
                            LOG.error("idempotency store failed", failure);
                            EdgeProblems.send(
                                    ctx,
                                    Problem.of(
                                            503,
                                            "idempotency_unavailable",
                                            "Service unavailable",
                                            "idempotency keys cannot be checked right now; retry shortly"),
                                    requestId);
                        });
    }

    private void forwardRecording(
            RoutingContext ctx, URI owner, String token, String requestId, UUID projectId, String key) {
        HttpServerRequest in = ctx.request();
        MessageDigest digest = sha256();
        AtomicBoolean overLimit = new AtomicBoolean();
        client.request(requestOptions(in, owner))
                .compose(out -> {
                    out.headers().setAll(forwardedHeaders(in, token, requestId));
                    streamBody(in, out, digest, overLimit);
                    return out.response();
                })
                .compose(response -> response.body()
                        .map(body -> new Recorded(
                                response.statusCode(),
                                response.getHeader(HttpHeaders.CONTENT_TYPE),
                                publicLocation(response.getHeader(HttpHeaders.LOCATION), owner),
                                body)))
                .onSuccess(recorded -> idempotency
                        .complete(
                                projectId,
                                key,
                                HexFormat.of().formatHex(digest.digest()),
                                recorded.status(),
                                recorded.contentType(),
                                recorded.location(),
                                io.vertx.mutiny.core.buffer.Buffer.newInstance(recorded.body()))
                        .subscribe()
                        .with(stored -> recorded.sendTo(ctx), failure -> {
                            LOG.error("idempotency record not stored", failure);
                            recorded.sendTo(ctx);
                        }))
                .onFailure(failure -> idempotency
                        .release(projectId, key)
                        .subscribe()
                        .with(
                                released -> forwardFailed(ctx, owner, requestId, overLimit, failure),
                                ignored -> forwardFailed(ctx, owner, requestId, overLimit, failure)));
    }

    private static void replay(RoutingContext ctx, IdempotencyStore.Completed completed) {
        new Recorded(
                        completed.status(),
                        completed.contentType(),
                        completed.location(),
                        completed.body().getDelegate())
                .withReplayHeader()
                .sendTo(ctx);
    }

    private void hashBody(RoutingContext ctx, String requestId, java.util.function.Consumer<String> whenRead) {
        HttpServerRequest in = ctx.request();
        MessageDigest digest = sha256();
        long[] received = {0};
        long limit = bodyLimit(in);
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                in.handler(null).endHandler(null);
                bodyTooLarge(ctx, requestId);
                return;
            }
            digest.update(chunk.getBytes());
        });
        in.endHandler(ignored -> whenRead.accept(HexFormat.of().formatHex(digest.digest())));
        in.resume();
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
        long[] received = {0};
        long limit = bodyLimit(in);
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                in.handler(null).endHandler(null);
                overLimit.set(true);
                out.reset();
                return;
            }
            if (digest != null) {
                digest.update(chunk.getBytes());
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(ignored -> in.resume());
            }
        });
        in.endHandler(ignored -> out.end());
        in.resume();
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0")) || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void bodyTooLarge(RoutingContext ctx, String requestId) {
        // The rest of the body is never read: the connection cannot carry another request.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        EdgeProblems.send(
                ctx,
                Problem.of(
                        413,
                        "body_too_large",
                        "Payload too large",
                        "the body is over the limit of " + bodyLimit(ctx.request()) + " bytes"),
                requestId);
    }

    private void forwardFailed(
            RoutingContext ctx, URI owner, String requestId, AtomicBoolean overLimit, Throwable failure) {
        if (overLimit.get()) {
            bodyTooLarge(ctx, requestId);
        } else {
            upstreamFailed(ctx, owner, requestId, failure);
        }
    }

    private record Recorded(
            int status, String contentType, String location, io.vertx.core.buffer.Buffer body, boolean replayed) {
        Recorded(int status, String contentType, String location, io.vertx.core.buffer.Buffer body) {
            this(status, contentType, location, body, false);
        }

        Recorded withReplayHeader() {
            return new Recorded(status, contentType, location, body, true);
        }

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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forward(RoutingContext ctx, URI owner, String token, String requestId) {
        HttpServerRequest in = ctx.request();
        AtomicBoolean overLimit = new AtomicBoolean();
        client.request(requestOptions(in, owner))
                .compose(out -> {
                    out.headers().setAll(forwardedHeaders(in, token, requestId));
                    streamBody(in, out, null, overLimit);
                    return out.response();
                })
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
                .onFailure(failure -> forwardFailed(ctx, owner, requestId, overLimit, failure));
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
                .setTimeout(isUpload(in) ? uploadTimeoutMillis : 60_000);
    }

    /** The request's path and query; a feed key given as {@code ?token=} stops here and is not passed on. */
    private static String forwardedUri(HttpServerRequest in) {
        if (!isFeed(in) || in.query() == null) {
            return in.uri();
        }
        String query = java.util.Arrays.stream(in.query().split("&"))
                .filter(part -> !part.startsWith("token="))
                .collect(java.util.stream.Collectors.joining("&"));
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
                .set(REQUEST_ID, requestId)
                .set("X-Forwarded-For", String.valueOf(in.remoteAddress().hostAddress()));
    }

    private static void upstreamFailed(RoutingContext ctx, URI owner, String requestId, Throwable failure) {
        LOG.warnf(
                "forwarding %s %s to %s failed: %s",
                ctx.request().method(), ctx.request().path(), owner, failure.toString());
        EdgeProblems.send(
                ctx,
                Problem.of(502, "upstream_unavailable", "Bad gateway", "the service behind this route did not answer"),
                requestId);
    }

    private static Scope scopeFor(HttpServerRequest request) {
        if (isFeed(request)) {
            return Scope.FEED;
        }
        HttpMethod method = request.method();
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                ? Scope.READ
                : Scope.WRITE;
    }

    /** Calendar apps cannot send headers: the feed alone also takes its key as {@code ?token=}. */
    private static boolean isFeed(HttpServerRequest request) {
        return FEED_PATH.equals(request.path())
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD);
    }

    private static String credential(HttpServerRequest request) {
        String bearer = bearer(request);
        return bearer == null && isFeed(request) ? request.getParam("token") : bearer;
    }

    private static String bearer(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
    }

    private static String requestId(HttpServerRequest request) {
        String presented = request.getHeader(REQUEST_ID);
        return presented != null && SAFE_REQUEST_ID.matcher(presented).matches()
                ? presented
                : UUID.randomUUID().toString();
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
