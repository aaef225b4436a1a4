package io.contentfactory.gateway.api;

import io.contentfactory.gateway.service.DeadLetters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of the dead-letter topics and their replay ({@code bin/factory dlq list|show|replay}). Blocking:
 * Kafka's admin and consumer clients are, and these calls are rare.
 */
@Path("/admin/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterAdminResource {

    /** What a replay did. */
    public record Replayed(String service, String topic, long replayed) {}

    private final DeadLetters deadLetters;
    private final OperatorAuth operator;

    DeadLetterAdminResource(DeadLetters deadLetters, OperatorAuth operator) {
        this.deadLetters = deadLetters;
        this.operator = operator;
    }

    @GET
    public List<DeadLetters.Queue> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        operator.require(authorization);
        return deadLetters.queues();
    }

    @GET
    @Path("/{service}")
    public List<DeadLetters.Queue> ofService(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("service") String service) {
        operator.require(authorization);
        return deadLetters.queues(service, Optional.empty());
    }

    @GET
    @Path("/{service}/{topic}")
    public List<DeadLetters.Letter> show(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("service") String service,
            @PathParam("topic") String topic,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        operator.require(authorization);
        return deadLetters.letters(service, topic, limit);
    }

    @POST
    @Path("/{service}/{topic}/replay")
    public Replayed replay(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("service") String service,
            @PathParam("topic") String topic) {
        operator.require(authorization);
        return new Replayed(service, topic, deadLetters.replay(service, topic));
    }
}
