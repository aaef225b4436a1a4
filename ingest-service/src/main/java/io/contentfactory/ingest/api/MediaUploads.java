package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.IngestConfig;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaIntake;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.ingest.storage.TooLargeException;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.problem.ProblemException;
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

    private final MediaIntake intake;
    private final StagingArea staging;
    private final AssetUrls urls;
    private final long maxBytes;

    MediaUploads(MediaIntake intake, StagingArea staging, AssetUrls urls, IngestConfig config) {
        this.intake = intake;
        this.staging = staging;
        this.urls = urls;
        this.maxBytes = config.limits().maxSize().asLongValue();
    }

    Response receive(UUID projectId, InputStream body, String fileName, String platformHint, Long length) {
        if (length != null && length > maxBytes) {
            throw tooLarge();
        }
        Origin origin = Origin.upload(fileName, PlatformHints.checked(platformHint), length);
        MediaAsset asset = intake.open(projectId, origin);
        StagedFile staged;
        try {
            staged = staging.receive(body, maxBytes, intake.progressOf(asset));
        } catch (TooLargeException e) {
            intake.fail(asset, "too_large", e.getMessage(), maxBytes);
            throw tooLarge();
        } catch (IOException e) {
            intake.fail(asset, "upload_interrupted", "the upload ended before its last byte", 0);
            throw new DomainError.Invalid(
                    "upload_interrupted", "the upload ended before its last byte: " + e.getMessage());
        }
        return respond(intake.complete(asset, staged, origin));
    }

    Response receiveForm(UUID projectId, FileUpload file, String platformHint) {
        Origin origin =
                Origin.upload(UploadNames.of(file.fileName(), null), PlatformHints.checked(platformHint), file.size());
        if (file.size() > maxBytes) {
            throw tooLarge();
        }
        MediaAsset asset = intake.open(projectId, origin);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return respond(intake.complete(asset, staging.receive(in, maxBytes, intake.progressOf(asset)), origin));
        } catch (IOException e) {
            intake.fail(asset, "upload_interrupted", "the uploaded part could not be read", 0);
            throw new DomainError.Invalid(
                    "upload_interrupted", "the uploaded part could not be read: " + e.getMessage());
        }
    }

    private Response respond(MediaAsset asset) {
        MediaView view = MediaView.of(asset, urls);
        return switch (asset.status) {
            // Relative on purpose: an absolute Location would name this service's internal address, not the gateway's.
            case "ingested" ->
                Response.status(Response.Status.CREATED)
                        .header("Location", "/v1/media/" + asset.id)
                        .entity(view)
                        .build();
            case "duplicate" ->
                Response.ok(view)
                        .header("Content-Location", "/v1/media/" + asset.duplicateOf)
                        .build();
            default -> {
                int colon = asset.rejectReason.indexOf(':');
                String code = colon > 0 ? asset.rejectReason.substring(0, colon) : "rejected";
                String detail =
                        colon > 0 ? asset.rejectReason.substring(colon + 1).strip() : asset.rejectReason;
                throw new DomainError.Unprocessable(
                        code,
                        detail + " (kept as rejected item " + asset.id + ")",
                        Map.of("mediaId", asset.id.toString()));
            }
        };
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                413, "too_large", "Payload too large", "files are taken up to " + maxBytes + " bytes");
    }
}
