package io.contentfactory.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Last of the edge's handlers: the request goes to its service, and the answer streams back ({@link Forwarder}). */
@ApplicationScoped
class ForwardingHandler implements Handler<RoutingContext> {

    private final Forwarder forwarder;

    ForwardingHandler(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public void handle(RoutingContext ctx) {
        forwarder.forward(ctx);
    }
}
