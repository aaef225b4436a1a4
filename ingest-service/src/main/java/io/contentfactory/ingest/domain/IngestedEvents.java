package io.contentfactory.ingest.domain;

import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaType;
import jakarta.enterprise.context.ApplicationScoped;

/** An ingested item as {@code media.ingested} tells it, with freshly signed URLs of its bytes and JPEG rendition. */
@ApplicationScoped
public class IngestedEvents {

    private final AssetUrls urls;

    IngestedEvents(AssetUrls urls) {
        this.urls = urls;
    }

    public MediaIngested of(MediaAsset asset) {
        return new MediaIngested(
                asset.id,
                asset.sourceType,
                asset.fileName,
                asset.contentType,
                MediaType.valueOf(asset.mediaType.toUpperCase()),
                asset.sizeBytes,
                asset.sha256,
                urls.url(asset.projectId, asset.id, AssetUrls.Variant.CONTENT),
                asset.durationSec == null ? null : asset.durationSec.doubleValue(),
                asset.width,
                asset.height,
                asset.platformHint,
                asset.jpegRenditionPath == null ? null : urls.url(asset.projectId, asset.id, AssetUrls.Variant.JPEG),
                asset.version,
                asset.previousVersionId,
                asset.derivedFromPlanId);
    }
}
