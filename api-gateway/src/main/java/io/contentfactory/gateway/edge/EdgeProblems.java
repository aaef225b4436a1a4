package io.contentfactory.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.kit.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/** Writes problem+json answers from the Vert.x edge, in the same shape as the services' exception mappers. */
final class EdgeProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeProblems() {}

    static void send(RoutingContext ctx, Problem problem, String requestId) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(problem.withInstance(ctx.request().path(), requestId));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
