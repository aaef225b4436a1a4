package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.IdempotencyRecord;
import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.gateway.service.IdempotencyKeys;
import io.contentfactory.kit.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Stripe's semantics for a write sent with an {@code Idempotency-Key}: the first request with a key executes and its
 * answer is stored; a retry with the same method, path and body gets that answer again ({@code Idempotent-Replayed:
 * true}); the same key with another request gets 422; a duplicate arriving while the first still runs gets 409. Reads,
 * deletes and requests without a key pass on to plain forwarding. Its test is {@code IdempotencyIT}, on a real
 * database behind the whole edge.
 */
@ApplicationScoped
class IdempotencyHandler implements Handler<RoutingContext> {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern SAFE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotencyHandler.class);

    private final IdempotencyKeys idempotency;
    private final Forwarder forwarder;
    private final BodyLimits limits;

    IdempotencyHandler(IdempotencyKeys idempotency, Forwarder forwarder, BodyLimits limits) {
        this.idempotency = idempotency;
        this.forwarder = forwarder;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String key = ctx.request().getHeader(HEADER);
        if (key == null
                || EdgeRequest.scope(ctx) != Scope.WRITE
                || ctx.request().method() == HttpMethod.DELETE) {
            ctx.next();
            return;
        }
        if (!SAFE_KEY.matcher(key).matches()) {
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            400,
                            "invalid_idempotency_key",
                            "Bad request",
                            "an Idempotency-Key is 1 to 255 printable ASCII characters"),
                    EdgeRequest.requestId(ctx));
            return;
        }
        UUID projectId = EdgeRequest.principal(ctx).projectId();
        HttpServerRequest in = ctx.request();
        idempotency
                .claim(projectId, key, in.method().name(), in.uri())
                .subscribe()
                .with(
                        claim -> {
                            switch (claim) {
                                case IdempotencyKeys.Started started -> executeAndStore(ctx, projectId, key);
                                case IdempotencyKeys.InProgress inProgress -> inProgress(ctx);
                                case IdempotencyKeys.Completed completed -> replayOrRefuse(ctx, completed.record());
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
                                    EdgeRequest.requestId(ctx));
                        });
    }

    /** The first request with its key: forwarded, and its answer stored before it is sent; a failure frees the key. */
    private void executeAndStore(RoutingContext ctx, UUID projectId, String key) {
        MessageDigest digest = sha256();
        forwarder
                .forwardRecording(ctx, digest)
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
                                released -> forwarder.answerFailure(ctx, failure),
                                ignored -> forwarder.answerFailure(ctx, failure)));
    }

    private static void inProgress(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "1");
        EdgeProblems.send(
                ctx,
                Problem.of(
                        409,
                        "idempotency_in_progress",
                        "Conflict",
                        "a request with this Idempotency-Key is still being processed"),
                EdgeRequest.requestId(ctx));
    }

    private void replayOrRefuse(RoutingContext ctx, IdempotencyRecord first) {
        HttpServerRequest in = ctx.request();
        hashBody(ctx, hash -> {
            if (first.sameRequest(in.method().name(), in.uri(), hash)) {
                new Forwarder.Recorded(
                                first.status(),
                                first.contentType(),
                                first.location(),
                                first.body().getDelegate(),
                                true)
                        .sendTo(ctx);
            } else {
                EdgeProblems.send(
                        ctx,
                        Problem.of(
                                422,
                                "idempotency_key_reused",
                                "Unprocessable content",
                                "this Idempotency-Key was used with a different request"),
                        EdgeRequest.requestId(ctx));
            }
        });
    }

    /** Reads the body only to hash it, counting it against the limit as it streams. */
    private void hashBody(RoutingContext ctx, Consumer<String> whenRead) {
        HttpServerRequest in = ctx.request();
        MessageDigest digest = sha256();
        limits.count(
                in,
                chunk -> digest.update(chunk.getBytes()),
                () -> limits.refuse(ctx),
                () -> whenRead.accept(HexFormat.of().formatHex(digest.digest())));
        in.resume();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
