package io.contentfactory.sandbox.audience;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The operator's view of the audiences: the seed they are drawn from, each account's hidden size, activity and
 * taste, and the features declared for posts. Not part of any platform's API, and never read by a service: tests and
 * benchmarks use it to set up and to score what the services learn.
 */
@Path("/sandbox/audience")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    private final AudienceModel model;

    AudienceResource(AudienceModel model) {
        this.model = model;
    }

    public record Seed(Long seed) {}

    @GET
    public Map<String, Object> seed() {
        return Map.of("seed", model.seed(), "topics", AudienceModel.TOPICS);
    }

    /** Draws every audience again from a new seed. */
    @POST
    @Path("/seed")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reseed(Seed request) {
        if (request == null || request.seed() == null) {
            return problem("seed is required");
        }
        model.reseed(request.seed());
        return Response.noContent().build();
    }

    @GET
    @Path("/{accountId}")
    public Audience audience(@PathParam("accountId") String accountId) {
        return model.audience(accountId);
    }

    /** What an operator sets: the size and taste, and the week's activity (168 values) unless the drawn one stays. */
    public record AudienceRequest(Long size, List<Double> activity, Taste taste) {}

    @PUT
    @Path("/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("accountId") String accountId, AudienceRequest request) {
        if (request == null || request.size() == null || request.size() < 1 || request.taste() == null) {
            return problem("size (at least 1) and taste are required");
        }
        Taste taste = request.taste();
        if (taste.lengthToleranceSeconds() <= 0 || taste.noise() < 0 || taste.topics() == null) {
            return problem("taste needs a positive lengthToleranceSeconds, a noise of at least 0 and topics");
        }
        List<Double> activity =
                request.activity() == null ? model.audience(accountId).activity() : request.activity();
        if (activity.size() != Audience.HOURS_OF_WEEK || activity.stream().anyMatch(a -> a == null || a < 0)) {
            return problem("activity has one share (0 or more) per hour of the week: 168 of them");
        }
        model.set(new Audience(accountId, request.size(), List.copyOf(activity), taste));
        return Response.ok(model.audience(accountId)).build();
    }

    /** Declares the features of the posts whose caption or media URL contains {@code match}. */
    @POST
    @Path("/features")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response declare(AudienceModel.DeclaredFeatures features) {
        if (features == null || features.match() == null || features.match().isBlank()) {
            return problem("match is required");
        }
        if (features.hookStrength() != null && (features.hookStrength() < 0 || features.hookStrength() > 1)) {
            return problem("hookStrength is between 0 and 1");
        }
        model.declare(features);
        return Response.noContent().build();
    }

    private static Response problem(String detail) {
        return Response.status(400)
                .type("application/problem+json")
                .entity(Map.of("title", "Bad Request", "status", 400, "detail", detail))
                .build();
    }
}
