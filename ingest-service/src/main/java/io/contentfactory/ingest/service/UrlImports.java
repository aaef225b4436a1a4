package io.contentfactory.ingest.service;

import io.contentfactory.ingest.clients.HostResolver;
import io.contentfactory.ingest.clients.SafeFetcher;
import io.contentfactory.ingest.clients.UrlPolicy;
import io.contentfactory.ingest.config.IngestConfig;
import io.contentfactory.ingest.domain.ImportRefused;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * URL imports: public links, Cloudinary delivery URLs, Supabase Storage public and signed links. The URL is checked
 * (scheme, credentials, every address its host resolves to) before anything is recorded, so a refused URL is a
 * client error at once; the download then runs in the background, visible as a {@code receiving} item with its byte
 * count, and ends {@code ingested}, {@code rejected} or {@code failed} with the code of what stopped it.
 */
@ApplicationScoped
public class UrlImports {

    private static final Logger LOG = Logger.getLogger(UrlImports.class);

    private final UrlPolicy policy;
    private final SafeFetcher fetcher;
    private final MediaIntake intake;

    UrlImports(Vertx vertx, IngestConfig config, StagingArea staging, MediaIntake intake) {
        this.policy = new UrlPolicy(config.importing().trustedOrigins().orElse(List.of()), HostResolver.system());
        IngestConfig.Importing importing = config.importing();
        long maxBytes = importing.maxSize().orElse(config.limits().maxSize()).asLongValue();
        this.fetcher = new SafeFetcher(
                vertx,
                policy,
                staging,
                new SafeFetcher.Settings(
                        maxBytes,
                        importing.connectTimeout(),
                        importing.idleTimeout(),
                        importing.deadline(),
                        importing.maxRedirects()));
        this.intake = intake;
    }

    /** Checks the URL (blocking: DNS), opens its item and starts the download. */
    @WithSpan("UrlImports.start")
    public MediaAsset start(
            @SpanAttribute("project.id") UUID projectId,
            String rawUrl,
            String fileName,
            String platformHint,
            UUID derivedFromPlanId) {
        URI url = UrlPolicy.parse(rawUrl);
        policy.check(url);
        Origin origin = Origin.urlImport(
                url.toString(),
                fileName != null && !fileName.isBlank() ? fileName : fileNameOf(url),
                platformHint,
                derivedFromPlanId);
        MediaAsset asset = intake.open(projectId, origin);
        fetcher.fetch(url, intake.progressOf(asset))
                .onComplete(outcome -> Infrastructure.getDefaultWorkerPool().execute(() -> {
                    if (outcome.succeeded()) {
                        complete(asset, outcome.result(), origin);
                    } else {
                        ImportRefused refused = (ImportRefused) outcome.cause();
                        LOG.infof("import %s of project %s stopped: %s", asset.id, projectId, refused.code());
                        intake.fail(asset, refused.code(), refused.getMessage(), 0);
                    }
                }));
        return asset;
    }

    private void complete(MediaAsset asset, StagedFile staged, Origin origin) {
        try {
            intake.complete(asset, staged, origin);
        } catch (RuntimeException e) {
            LOG.warnf(e, "import %s could not be completed", asset.id);
            intake.fail(asset, "internal", "the file arrived but could not be stored", staged.sizeBytes());
        }
    }

    /**
     * The last path segment: {@code name.mp4} of {@code https://res.cloudinary.com/demo/video/upload/v1/folder/name.mp4}
     * and of {@code https://x.supabase.co/storage/v1/object/public/bucket/name.mp4} (or {@code .../object/sign/...?token=}).
     */
    static String fileNameOf(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String decoded = URLDecoder.decode(last, StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}/\\\\]", "")
                .strip();
        return decoded.isEmpty()
                ? "import"
                : decoded.length() > 200 ? decoded.substring(decoded.length() - 200) : decoded;
    }
}
