package io.contentfactory.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.testkit.InternalTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * publisher-service's internal read-token and connection routes, as far as metrics-service uses them: it checks the service call
 * token exactly as the publisher does, answers each account as {@link #ACCOUNTS} says (the sandbox's token for
 * {@code sandbox-ig-account} and unknown accounts 404, unless a test says otherwise), and takes rejections as the
 * publisher does: the account's connection answers {@code connection_needs_reauth} from then on. Records every call.
 */
public class FakePublisher implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVED = new CopyOnWriteArrayList<>();
    /** Rejections metrics-service reported: the account, then the reason. */
    static final List<String> REJECTED = new CopyOnWriteArrayList<>();
    /** The token each account's connection holds; an account not listed has no connection. */
    static final Map<String, String> ACCOUNTS =
            new java.util.concurrent.ConcurrentHashMap<>(Map.of("sandbox-ig-account", "sandbox-token"));
    /** Accounts whose connection needs new tokens: their read token answers 409 until a test patches one in. */
    static final java.util.Set<String> NEEDS_REAUTH = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Connections by "projectId/connectionId": the platform and account each one is. */
    static final Map<String, String[]> CONNECTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, byte[]> CALLERS =
            Map.of("metrics-service", InternalTokens.serviceCallKey("metrics-service", "publisher-service"));
    private HttpServer server;

    /** What a route answers: a status and a JSON body (empty for none). */
    private record Answer(int status, String body) {}

    @FunctionalInterface
    private interface Route {
        Answer answer(HttpExchange exchange) throws IOException;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve("/internal/v1/read-tokens/", FakePublisher::readToken);
        serve("/internal/v1/connections/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring("/internal/v1/connections/".length());
            String[] account = CONNECTIONS.get(key);
            return account == null
                    ? new Answer(404, "{\"status\":404,\"code\":\"not_found\"}")
                    : new Answer(200, "{\"platform\":\"" + account[0] + "\",\"accountId\":\"" + account[1] + "\"}");
        });
        server.start();
        return Map.of(
                "factory.metrics.publisher.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers a route for a caller whose service call token checks out, as the publisher does; 401 otherwise. */
    private void serve(String path, Route route) {
        server.createContext(path, exchange -> {
            String header = exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER);
            Answer answer;
            try {
                ServiceCallTokens.verify(
                        header == null ? null : header.replaceFirst("^Bearer ", ""),
                        CALLERS,
                        "publisher-service",
                        Instant.now());
                answer = route.answer(exchange);
            } catch (IllegalArgumentException refused) {
                answer = new Answer(401, "{}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private static Answer readToken(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] segments = path.split("/");
        boolean rejection = path.endsWith("/rejection");
        String account =
                java.net.URLDecoder.decode(segments[segments.length - (rejection ? 2 : 1)], StandardCharsets.UTF_8);
        SERVED.add(path);
        if (rejection) {
            NEEDS_REAUTH.add(account);
            REJECTED.add(account + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            return new Answer(204, "");
        }
        if (NEEDS_REAUTH.contains(account)) {
            return new Answer(409, "{\"status\":409,\"code\":\"connection_needs_reauth\"}");
        }
        if (ACCOUNTS.containsKey(account)) {
            return new Answer(200, "{\"accessToken\":\"" + ACCOUNTS.get(account) + "\",\"expiresAt\":null}");
        }
        return new Answer(404, "{\"status\":404,\"code\":\"not_found\"}");
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
