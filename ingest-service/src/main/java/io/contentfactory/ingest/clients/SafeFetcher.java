package io.contentfactory.ingest.clients;

import io.contentfactory.ingest.domain.ImportRefused;
import io.contentfactory.ingest.storage.IncomingDigest;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.ingest.storage.TooLargeException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Fetches one URL into the staging area, safely: each hop (the URL and every redirect) passes {@link UrlPolicy} and
 * connects to the very address checked; redirects are followed by hand up to a limit; the body is streamed to disk
 * with back-pressure, counted against the size cap as it arrives; a source that goes quiet, or an import that runs
 * past its deadline, is cut off. Every refusal is an {@link ImportRefused} with a stable code.
 */
public final class SafeFetcher {

    public record Settings(
            long maxBytes, Duration connectTimeout, Duration idleTimeout, Duration deadline, int maxRedirects) {}

    private final Vertx vertx;
    private final HttpClient client;
    private final UrlPolicy policy;
    private final StagingArea staging;
    private final Settings settings;

    public SafeFetcher(Vertx vertx, UrlPolicy policy, StagingArea staging, Settings settings) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(16)
                .setKeepAlive(false)
                .setTryUseCompression(false)
                .setMaxRedirects(0)
                .setForceSni(true));
        this.policy = policy;
        this.staging = staging;
        this.settings = settings;
    }

    /** The whole body, staged; {@code progress} hears the byte count as it grows. */
    public Future<StagedFile> fetch(URI url, LongConsumer progress) {
        Promise<StagedFile> result = Promise.promise();
        AtomicBoolean overtime = new AtomicBoolean();
        long deadline = vertx.setTimer(settings.deadline().toMillis(), id -> {
            overtime.set(true);
            result.tryFail(new ImportRefused(
                    "timeout",
                    "the import took longer than " + settings.deadline().toSeconds() + " s"));
        });
        hop(url, 0, progress, overtime).onComplete(outcome -> {
            vertx.cancelTimer(deadline);
            if (outcome.succeeded() && !result.tryComplete(outcome.result())) {
                outcome.result().discard();
            } else if (outcome.failed()) {
                result.tryFail(refusal(outcome.cause()));
            }
        });
        return result.future();
    }

    private Future<StagedFile> hop(URI url, int redirects, LongConsumer progress, AtomicBoolean overtime) {
        return vertx.<UrlPolicy.Target>executeBlocking(() -> policy.check(url), false)
                .compose(target -> client.request(options(target)))
                .compose(request -> request.send().compose(response -> {
                    if (isRedirect(response.statusCode())) {
                        return followRedirect(request, response, url, redirects, progress, overtime);
                    }
                    if (response.statusCode() / 100 != 2) {
                        abandon(request, response);
                        return Future.failedFuture(new ImportRefused(
                                "source_status", "the source answered HTTP " + response.statusCode()));
                    }
                    return receive(request, response, progress, overtime);
                }));
    }

    private Future<StagedFile> followRedirect(
            HttpClientRequest request,
            HttpClientResponse response,
            URI from,
            int redirects,
            LongConsumer progress,
            AtomicBoolean overtime) {
        String location = response.getHeader(HttpHeaders.LOCATION);
        abandon(request, response);
        if (location == null) {
            return Future.failedFuture(new ImportRefused("source_status", "the source redirected without a Location"));
        }
        if (redirects >= settings.maxRedirects()) {
            return Future.failedFuture(new ImportRefused(
                    "too_many_redirects", "the source redirected more than " + settings.maxRedirects() + " times"));
        }
        URI next;
        try {
            next = UrlPolicy.parse(from.resolve(location).toString());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ImportRefused("invalid_url", "the source redirected to an invalid URL"));
        }
        return hop(next, redirects + 1, progress, overtime);
    }

    private Future<StagedFile> receive(
            HttpClientRequest request, HttpClientResponse response, LongConsumer progress, AtomicBoolean overtime) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLong(length) > settings.maxBytes()) {
            abandon(request, response);
            return Future.failedFuture(new ImportRefused(
                    "too_large", "the source announces " + length + " bytes; the limit is " + settings.maxBytes()));
        }
        response.pause();
        Path file;
        try {
            file = staging.newFile();
        } catch (IOException e) {
            abandon(request, response);
            return Future.failedFuture(e);
        }
        return vertx.fileSystem()
                .open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .compose(target -> stream(request, response, target, file, progress, overtime))
                .onFailure(failure -> deleteQuietly(file));
    }

    /**
     * Drops an exchange whose body is not wanted: the reset reaches the response as a StreamResetException, which is
     * expected here and must not be logged as an unhandled failure.
     */
    private static void abandon(HttpClientRequest request, HttpClientResponse response) {
        response.exceptionHandler(expected -> {});
        request.reset();
    }

    private Future<StagedFile> stream(
            HttpClientRequest request,
            HttpClientResponse response,
            AsyncFile target,
            Path file,
            LongConsumer progress,
            AtomicBoolean overtime) {
        Promise<StagedFile> done = Promise.promise();
        IncomingDigest digest = new IncomingDigest(settings.maxBytes());
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                target.close();
            }
        };
        long[] lastActivity = {System.nanoTime()};
        long idleNanos = settings.idleTimeout().toNanos();
        long watchdog = vertx.setPeriodic(Math.max(50, settings.idleTimeout().toMillis() / 4), id -> {
            if (done.future().isComplete()) {
                vertx.cancelTimer(id);
            } else if (System.nanoTime() - lastActivity[0] > idleNanos) {
                vertx.cancelTimer(id);
                done.tryFail(new TimeoutException("idle"));
                close.run();
                request.reset();
            }
        });
        done.future().onComplete(ignored -> vertx.cancelTimer(watchdog));
        response.handler(chunk -> {
            lastActivity[0] = System.nanoTime();
            try {
                if (overtime.get()) {
                    throw new ImportRefused("timeout", "the import ran past its deadline");
                }
                digest.accept(chunk.getByteBuf().nioBuffer());
            } catch (TooLargeException | ImportRefused e) {
                // Failed first: resetting the request reports a stream reset, which must not become the reason.
                done.tryFail(
                        e instanceof TooLargeException
                                ? new ImportRefused(
                                        "too_large",
                                        "the body grew past the limit of " + settings.maxBytes() + " bytes")
                                : e);
                response.handler(null);
                close.run();
                request.reset();
                return;
            }
            target.write(chunk);
            progress.accept(digest.size());
            if (target.writeQueueFull()) {
                response.pause();
                target.drainHandler(ignored -> response.resume());
            }
        });
        response.exceptionHandler(failure -> {
            done.tryFail(failure);
            close.run();
        });
        response.endHandler(ignored -> {
            if (closed.compareAndSet(false, true)) {
                target.close()
                        .onSuccess(finished -> done.tryComplete(staging.staged(file, digest)))
                        .onFailure(done::tryFail);
            }
        });
        response.resume();
        return done.future();
    }

    private RequestOptions options(UrlPolicy.Target target) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.idleTimeout().toMillis())
                .putHeader(HttpHeaders.USER_AGENT, "ContentFactory-Import/1.0")
                .putHeader(HttpHeaders.ACCEPT, "*/*");
        target.address()
                .ifPresent(address ->
                        options.setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress())));
        return options;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private ImportRefused refusal(Throwable failure) {
        if (failure instanceof ImportRefused refused) {
            return refused;
        }
        if (failure instanceof TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout")) {
            return new ImportRefused(
                    "timeout",
                    "the source sent nothing for " + settings.idleTimeout().toSeconds()
                            + " s or could not be reached in time");
        }
        if (failure instanceof java.net.ConnectException
                || failure instanceof io.netty.channel.ConnectTimeoutException) {
            return new ImportRefused("source_unreachable", "the source could not be reached: " + failure.getMessage());
        }
        return new ImportRefused("source_failed", "the download failed: " + failure.getMessage());
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // removed with the staging area's leftovers
        }
    }
}
