package io.contentfactory.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.contentfactory.kit.domain.DomainError;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service answers is problem+json with a stable code; internals never leak into the body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.problem(), uri, headers);
    }

    /** The one place a domain refusal becomes an HTTP status. */
    @ServerExceptionMapper
    public Response refused(DomainError e, UriInfo uri, HttpHeaders headers) {
        return respond(problemOf(e), uri, headers);
    }

    public static Problem problemOf(DomainError e) {
        Problem problem = switch (e) {
            case DomainError.NotFound notFound -> Problem.of(404, e.code(), "Not found", e.detail());
            case DomainError.Invalid invalid -> Problem.of(400, e.code(), "Bad request", e.detail());
            case DomainError.Conflict conflict -> Problem.of(409, e.code(), "Conflict", e.detail());
            case DomainError.Unprocessable unprocessable -> Problem.of(422, e.code(), "Unprocessable", e.detail());
            case DomainError.TooLarge tooLarge -> Problem.of(413, e.code(), "Payload too large", e.detail());
            case DomainError.Unavailable unavailable -> Problem.of(503, e.code(), "Service unavailable", e.detail());
        };
        return e.errors().isEmpty() ? problem : problem.withErrors(e.errors());
    }

    /** Quarkus ships its own mappers for these; ours take precedence so that every answer is problem+json. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(
                    Problem.of(
                            400,
                            "unknown_field",
                            "Unknown field",
                            "field '" + unknown.getPropertyName() + "' is not part of this request"),
                    uri,
                    headers);
        }
        String detail;
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            detail = "field '" + field + "' has the wrong type or format";
        } else if (e instanceof MismatchedInputException) {
            detail = "the request body has the wrong shape: a JSON object is expected";
        } else {
            detail = "the request body is not valid JSON: " + e.getOriginalMessage();
        }
        return respond(Problem.of(400, "malformed_json", "Malformed JSON", detail), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Map<String, Object> errors = new LinkedHashMap<>();
        e.getConstraintViolations()
                .forEach(v -> errors.put(lastNode(v.getPropertyPath().toString()), v.getMessage()));
        Problem problem = Problem.of(400, "validation_failed", "Validation failed", "the request has invalid fields")
                .withErrors(errors);
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String code = title.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        return respond(Problem.of(status, code, title, e.getMessage()), uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(
                Problem.of(
                        500,
                        "internal_error",
                        "Internal error",
                        "the request failed on our side; quote the request id when reporting it"),
                uri,
                headers);
    }

    private static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        String requestId =
                Optional.ofNullable(headers.getHeaderString(REQUEST_ID_HEADER)).orElse(null);
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath(), requestId))
                .build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
