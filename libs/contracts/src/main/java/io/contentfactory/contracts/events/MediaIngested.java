package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * A media file was stored, probed and registered.
 *
 * @param contentUrl   a signed, expiring URL of the bytes (a "Content Factory asset URL")
 * @param durationSec  null for an image
 * @param platformHint where the file fits best (the sender's, or derived from its shape), may be null
 * @param jpegUrl      the JPEG rendition made for Instagram when the image is not already a fitting JPEG, else null
 * @param version      1, or the version of a watched file that replaced an earlier one
 * @param previousVersionId the media item this one replaced, or null
 * @param derivedFromPlanId the coach's derivative plan this item was made from, as the uploader said, or null
 */
public record MediaIngested(
        UUID mediaId,
        String sourceType,
        String fileName,
        String contentType,
        MediaType mediaType,
        long sizeBytes,
        String sha256,
        String contentUrl,
        Double durationSec,
        Integer width,
        Integer height,
        String platformHint,
        String jpegUrl,
        int version,
        UUID previousVersionId,
        UUID derivedFromPlanId)
        implements PipelineEvent {

    public MediaIngested {
        Required.fields(
                "mediaId",
                mediaId,
                "sourceType",
                sourceType,
                "fileName",
                fileName,
                "contentType",
                contentType,
                "mediaType",
                mediaType,
                "sha256",
                sha256,
                "contentUrl",
                contentUrl);
    }

    /** A first version with no probe details, as tests and simple producers build it. */
    public MediaIngested(
            UUID mediaId,
            String sourceType,
            String fileName,
            String contentType,
            MediaType mediaType,
            long sizeBytes,
            String sha256,
            String contentUrl) {
        this(
                mediaId,
                sourceType,
                fileName,
                contentType,
                mediaType,
                sizeBytes,
                sha256,
                contentUrl,
                null,
                null,
                null,
                null,
                null,
                1,
                null,
                null);
    }

    /** The same item reached at another URL (a renewed one). */
    public MediaIngested withContentUrl(String url) {
        return new MediaIngested(
                mediaId,
                sourceType,
                fileName,
                contentType,
                mediaType,
                sizeBytes,
                sha256,
                url,
                durationSec,
                width,
                height,
                platformHint,
                jpegUrl,
                version,
                previousVersionId,
                derivedFromPlanId);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return mediaId.toString();
    }
}
