package io.contentfactory.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The OpenAPI 3.1 document of the whole public API. Each service describes its own routes (its {@code /q/openapi});
 * the gateway takes the {@code /v1/<resource>} paths each service owns, and adds what the edge does for every
 * route: API-key security, the request-id and idempotency headers, and the problem responses of authentication,
 * scopes, rate limits, body limits and unreachable services. Rebuilt at most every 30 s; a service that cannot be
 * reached keeps its last known description, or is listed under {@code x-unavailable-services}.
 */
@ApplicationScoped
public class PublicApiDocument {

    private static final Logger LOG = Logger.getLogger(PublicApiDocument.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The edge's own part of the contract: problem schema, security scheme, headers and responses. */
    private static final JsonNode EDGE = readEdgeComponents();

    private final Upstreams upstreams;
    private final WebClient client;
    private final String version;
    private final Map<String, ObjectNode> lastKnown = new ConcurrentHashMap<>();
    private volatile Built built;

    PublicApiDocument(
            Upstreams upstreams,
            Vertx vertx,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-version", defaultValue = "0.1.0") String version) {
        this.upstreams = upstreams;
        this.client = WebClient.create(vertx);
        this.version = version;
    }

    public Uni<ObjectNode> document() {
        Built current = built;
        if (current != null && current.at().plus(FRESH_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(current.document());
        }
        Map<String, URI> routes = new TreeMap<>(upstreams.routes());
        List<Uni<Optional<ObjectNode>>> fetches = new ArrayList<>();
        routes.forEach((resource, base) -> fetches.add(describe(resource, base)));
        if (fetches.isEmpty()) {
            return Uni.createFrom().item(assemble(List.of(), List.of()));
        }
        return Uni.join().all(fetches).andFailFast().map(described -> {
            List<String> resources = new ArrayList<>(routes.keySet());
            ObjectNode document = assemble(resources, described);
            built = new Built(document, Instant.now());
            return document;
        });
    }

    private Uni<Optional<ObjectNode>> describe(String resource, URI base) {
        return client.getAbs(base.resolve("/q/openapi").toString())
                .addQueryParam("format", "json")
                .timeout(5_000)
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    ObjectNode document = parse(response.bodyAsString());
                    lastKnown.put(resource, document);
                    return Optional.of(document);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("no OpenAPI description of '%s' from %s: %s", resource, base, failure.toString());
                    return Optional.ofNullable(lastKnown.get(resource));
                });
    }

    private ObjectNode assemble(List<String> resources, List<Optional<ObjectNode>> described) {
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.1.0");
        document.set("info", info());
        document.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        document.putArray("security").addObject().putArray("apiKey");
        ObjectNode paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ArrayNode unavailable = JSON.createArrayNode();
        ArrayNode conflicts = JSON.createArrayNode();
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            Optional<ObjectNode> service = described.get(i);
            if (service.isEmpty()) {
                unavailable.add(resource);
                continue;
            }
            copyOwnedPaths(resource, service.get(), paths, resources);
            copySchemas(service.get(), schemas, conflicts);
        }
        schemas.setAll((ObjectNode) EDGE.get("schemas").deepCopy());
        for (String part : List.of("securitySchemes", "parameters", "responses")) {
            components.set(part, EDGE.get(part).deepCopy());
        }
        keepOnlyReferenced(components, paths);
        if (!unavailable.isEmpty()) {
            document.set("x-unavailable-services", unavailable);
        }
        if (!conflicts.isEmpty()) {
            document.set("x-conflicting-schemas", conflicts);
        }
        return document;
    }

    /**
     * Drops the components no public route reaches: a service describes its internal routes' schemas too, and the
     * edge's parts apply only where a route uses them.
     */
    private static void keepOnlyReferenced(ObjectNode components, JsonNode paths) {
        Set<String> reached = new java.util.HashSet<>();
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()
                    && node.path("$ref").isTextual()
                    && reached.add(node.get("$ref").asText())) {
                String[] ref = node.get("$ref")
                        .asText()
                        .replaceFirst("^#/components/", "")
                        .split("/", 2);
                if (ref.length == 2 && components.path(ref[0]).has(ref[1])) {
                    pending.push(components.get(ref[0]).get(ref[1]));
                }
            }
            node.elements().forEachRemaining(pending::push);
        }
        for (String part : List.of("schemas", "parameters", "responses")) {
            if (components.get(part) instanceof ObjectNode entries) {
                entries.retain(names(entries).stream()
                        .filter(name -> reached.contains("#/components/" + part + "/" + name))
                        .toList());
            }
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private ObjectNode info() {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", "Content Factory public API");
        info.put("version", version);
        info.put(
                "description",
                "Every route takes a project API key as 'Authorization: Bearer cf_live_...' and answers"
                        + " errors as RFC 9457 problem+json with a stable 'code'. Another project's ids are answered 404.");
        return info;
    }

    private static void copyOwnedPaths(String resource, ObjectNode service, ObjectNode paths, List<String> routes) {
        JsonNode servicePaths = service.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = servicePaths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!ownedBy(resource, path.getKey(), routes)) {
                continue;
            }
            ObjectNode item = ((ObjectNode) path.getValue()).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                if (METHODS.contains(operation.getKey())) {
                    addEdgeBehaviour(operation.getKey(), (ObjectNode) operation.getValue());
                }
            }
            paths.set(path.getKey(), item);
        }
    }

    /** Whether the gateway forwards {@code path} to {@code resource}'s service (a routed sub-resource goes to its own). */
    private static boolean ownedBy(String resource, String path, List<String> routes) {
        return Upstreams.routeOf(path, routes::contains)
                .filter(resource::equals)
                .isPresent();
    }

    /** What the gateway adds to every route: its security replaces the service's internal-token scheme. */
    private static void addEdgeBehaviour(String method, ObjectNode operation) {
        operation.remove("security");
        ArrayNode parameters = operation.has("parameters")
                ? (ArrayNode) operation.get("parameters")
                : operation.putArray("parameters");
        parameters.addObject().put("$ref", "#/components/parameters/RequestId");
        if (WRITE_METHODS.contains(method)) {
            parameters.addObject().put("$ref", "#/components/parameters/IdempotencyKey");
        }
        ObjectNode responses =
                operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        JsonNode edgeResponses = EDGE.get("x-edge-responses");
        // Only the gateway answers these: a service's own description of them never reaches a client.
        edgeResponses
                .get("edge-owned")
                .fields()
                .forEachRemaining(entry -> responses
                        .putObject(entry.getKey())
                        .put(
                                "$ref",
                                "#/components/responses/" + entry.getValue().asText()));
        addMissingResponses(responses, edgeResponses.get("all"));
        if (WRITE_METHODS.contains(method)) {
            addMissingResponses(responses, edgeResponses.get("write"));
        }
    }

    private static void addMissingResponses(ObjectNode responses, JsonNode statusToName) {
        statusToName.fields().forEachRemaining(entry -> {
            if (!responses.has(entry.getKey())) {
                responses
                        .putObject(entry.getKey())
                        .put(
                                "$ref",
                                "#/components/responses/" + entry.getValue().asText());
            }
        });
    }

    /** Copies a service's schemas; one another service describes differently keeps the first description, and is listed. */
    private static void copySchemas(ObjectNode service, ObjectNode schemas, ArrayNode conflicts) {
        JsonNode serviceSchemas = service.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> it = serviceSchemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            JsonNode existing = schemas.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                LOG.warnf(
                        "two services describe schema %s differently; the first description is kept", schema.getKey());
                conflicts.add(schema.getKey());
                continue;
            }
            schemas.set(schema.getKey(), schema.getValue().deepCopy());
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("not an OpenAPI document: " + e.getMessage(), e);
        }
    }

    private static JsonNode readEdgeComponents() {
        try (var in = PublicApiDocument.class.getResourceAsStream("/openapi/edge-components.json")) {
            return JSON.readTree(in);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("openapi/edge-components.json is missing from the gateway", e);
        }
    }

    private record Built(ObjectNode document, Instant at) {}
}
