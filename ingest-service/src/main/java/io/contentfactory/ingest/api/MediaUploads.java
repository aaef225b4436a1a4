package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.service.Uploads;
import io.contentfactory.kit.domain.DomainError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Uploads, on a worker thread: the body is streamed into the staging area (one buffer, whatever the size) while the
 * item shows its byte count, then the intake completes it. The answer follows the outcome: 201 ingested, 200 the
 * same bytes were already here, 413 over the limit, 422 not media we take (kept as a rejected item).
 */
@ApplicationScoped
class MediaUploads {

    private final Uploads uploads;
    private final AssetUrls urls;

    MediaUploads(Uploads uploads, AssetUrls urls) {
        this.uploads = uploads;
        this.urls = urls;
    }

    Response receive(UUID projectId, InputStream body, String fileName, String platformHint, UUID planId, Long length) {
        uploads.checkAnnounced(length);
        Origin origin = Origin.upload(fileName, PlatformHints.checked(platformHint), length, planId);
        return respond(uploads.receive(projectId, origin, body));
    }

    Response receiveForm(UUID projectId, FileUpload file, String platformHint, UUID planId) {
        return receivePart(
                projectId,
                file,
                Origin.upload(
                        UploadNames.of(file.fileName(), null),
                        PlatformHints.checked(platformHint),
                        file.size(),
                        planId));
    }

    /** A post studio-service generated, with its provenance. */
    Response receiveGenerated(UUID projectId, FileUpload file, UUID planId, String provenance) {
        return receivePart(
                projectId,
                file,
                Origin.generated(UploadNames.of(file.fileName(), null), file.size(), planId, provenance));
    }

    private Response receivePart(UUID projectId, FileUpload file, Origin origin) {
        uploads.checkAnnounced(file.size());
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return respond(uploads.receive(projectId, origin, in));
        } catch (IOException e) {
            throw new DomainError.Invalid(
                    "upload_interrupted", "the uploaded part could not be read: " + e.getMessage());
        }
    }

    private Response respond(MediaAsset asset) {
        MediaView view = MediaView.of(asset, urls);
        return switch (asset.status) {
            // Relative on purpose: an absolute Location would name this service's internal address, not the gateway's.
            case INGESTED ->
                Response.status(Response.Status.CREATED)
                        .header("Location", "/v1/media/" + asset.id)
                        .entity(view)
                        .build();
            case DUPLICATE ->
                Response.ok(view)
                        .header("Content-Location", "/v1/media/" + asset.duplicateOf)
                        .build();
            default -> {
                int colon = asset.rejectReason.indexOf(':');
                String code = colon > 0 ? asset.rejectReason.substring(0, colon) : MediaStatus.REJECTED.wire();
                String detail =
                        colon > 0 ? asset.rejectReason.substring(colon + 1).strip() : asset.rejectReason;
                throw new DomainError.Unprocessable(
                        code,
                        detail + " (kept as rejected item " + asset.id + ")",
                        Map.of("mediaId", asset.id.toString()));
            }
        };
    }
}
