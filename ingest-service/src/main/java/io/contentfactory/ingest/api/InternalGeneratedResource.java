package io.contentfactory.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Takes in a post studio-service generated, as an upload whose source is {@code generated} and which carries its
 * provenance (a JSON object: the brief or plan, shot list, prompts, models, provider request ids, seeds and cost).
 * From here it flows through analysis, scheduling and publishing like any upload; the same bytes sent twice (a
 * hand-off retried after a crash) answer the item already made. Internal: only studio-service, with its pair key.
 */
@Path("/internal/v1/media/{projectId}/generated")
public class InternalGeneratedResource {

    /** Provenance larger than this is refused: a shot list of twelve shots with their prompts is a few kilobytes. */
    static final int MAX_PROVENANCE_BYTES = 64 * 1024;

    private final InternalCallers callers;
    private final MediaUploads uploads;

    InternalGeneratedResource(InternalCallers callers, MediaUploads uploads) {
        this.callers = callers;
        this.uploads = uploads;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(hidden = true)
    public Response receive(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String project,
            @RestForm("file") FileUpload file,
            @RestForm("provenance") String provenance,
            @RestForm("derivedFromPlanId") String derivedFromPlanId) {
        callers.require(authorization, "studio-service");
        if (file == null) {
            throw new DomainError.Invalid("file_required", "a multipart part named file carries the generated media");
        }
        return uploads.receiveGenerated(
                PathIds.uuid(project), file, PathIds.uuidOrNull(derivedFromPlanId), checked(provenance));
    }

    private static String checked(String provenance) {
        if (provenance == null || provenance.getBytes(StandardCharsets.UTF_8).length > MAX_PROVENANCE_BYTES) {
            throw new DomainError.Invalid(
                    "provenance_invalid", "provenance is a JSON object of at most " + MAX_PROVENANCE_BYTES + " bytes");
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(provenance);
            if (node == null || !node.isObject()) {
                throw new DomainError.Invalid("provenance_invalid", "provenance is a JSON object");
            }
            return node.toString();
        } catch (IOException e) {
            throw new DomainError.Invalid("provenance_invalid", "provenance is not JSON: " + e.getMessage());
        }
    }
}
