package io.contentfactory.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contentfactory.gateway.edge.PublicApiDocument;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public API's OpenAPI 3.1 document; Swagger UI (/q/swagger-ui) shows it as "public". */
@Path("/openapi.json")
public class PublicApiDocumentResource {

    private final PublicApiDocument document;

    PublicApiDocumentResource(PublicApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI 3.1 document of the public /v1 API")
    public Uni<ObjectNode> get() {
        return document.document();
    }
}
