package io.contentfactory.studio;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * coach-service's internal brief and plan routes, as studio-service's tests need them: one project's brief, a plan
 * carrying it out and a plan written without one, answered only to the pair-key holder; any other id is 404, as
 * coach-service answers another project's. coach-service's own tests cover the real routes; the e2e test runs both.
 */
public class CoachStandIn implements QuarkusTestResourceLifecycleManager {

    static final String CALL_KEY = "c3R1ZGlvLXRlc3QtY29hY2gtY2FsbC1rZXktMDAwMDE";
    static final UUID PROJECT = UUID.fromString("5e1f0c0a-0000-4000-8000-00000000c0ac");
    static final UUID BRIEF = UUID.fromString("5e1f0c0a-0000-4000-8000-0000000b41ef");
    static final UUID PLAN = UUID.fromString("5e1f0c0a-0000-4000-8000-0000000001a0");
    static final UUID PLAN_WITHOUT_BRIEF = UUID.fromString("5e1f0c0a-0000-4000-8000-0000000001a1");
    static final String HOOK = "Stop batching the wrong way";

    private static final String BRIEF_JSON = """
            {"id": "%s", "sourceType": "own_top_post", "angleName": "Batching", "corePromise":
             "Batch a week of posts in one afternoon.", "hookIdeas": ["%s", "One afternoon, seven posts"],
             "scriptOutline": {"intro": ["Most creators batch the wrong way."],
               "body": ["Write every hook first.", "Film every clip in one light."], "cta": ["Save this for Sunday."]},
             "visualDirections": {"broll": ["a desk from above", "a ring light switching on"], "faceCam": [],
               "textOverlays": []},
             "postingGuidance": {"platformPriority": ["instagram", "tiktok"], "frequency": "daily",
               "timeWindowHint": "evenings"}}""".formatted(BRIEF, HOOK);
    private static final String PLAN_JSON = """
            {"id": "%s", "briefId": "%s", "sourceMediaId": null, "formatType": "broll_text",
             "instructions": "B-roll of the desk with the steps as text", "targetPlatform": "tiktok",
             "estimatedLengthSec": 20, "status": "planned"}""".formatted(PLAN, BRIEF);
    private static final String PLAN_WITHOUT_BRIEF_JSON = """
            {"id": "%s", "briefId": null, "formatType": "carousel",
             "instructions": "Five slides. One tip each.", "targetPlatform": "instagram", "status": "planned"}""".formatted(PLAN_WITHOUT_BRIEF);

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        ServiceCallVerifier verifier =
                new ServiceCallVerifier(Map.of("studio-service", ServiceCallTokens.readKey(CALL_KEY)), "coach-service");
        Map<String, String> known = Map.of(
                "/internal/v1/creative-briefs/" + PROJECT + "/" + BRIEF, BRIEF_JSON,
                "/internal/v1/derivative-plans/" + PROJECT + "/" + PLAN, PLAN_JSON,
                "/internal/v1/derivative-plans/" + PROJECT + "/" + PLAN_WITHOUT_BRIEF, PLAN_WITHOUT_BRIEF_JSON);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/", exchange -> {
            try (exchange) {
                try {
                    verifier.verify(exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER));
                } catch (RuntimeException refused) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String body = known.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        return Map.of(
                "factory.studio.coach.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "factory.studio.coach.call-key",
                CALL_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
