package io.contentfactory.ingest.config;

import io.contentfactory.ingest.domain.AssetUrls;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything ingest-service is configured with ({@code factory.ingest.*}); see application.properties. */
@ConfigMapping(prefix = "factory.ingest")
public interface IngestConfig {

    /** Watched folders: {@code <watch-root>/<project-slug>/...}. */
    Path watchRoot();

    /** Per-project folders an operator sets outside the watch root: project slug → folder. */
    Map<String, Path> projectFolders();

    Duration scanInterval();

    /** The filesystem store's root (the default store). */
    Path storageRoot();

    /** Where bytes land while they arrive. */
    Path stagingDir();

    Storage storage();

    /** Where other services and platforms fetch stored media from: this service's public address. */
    String publicBaseUrl();

    Limits limits();

    AssetUrls assetUrls();

    Importing importing();

    Internal internal();

    interface Internal {
        /** The base64url pair key publisher-service shares with this service, to refresh asset URLs; unset: nobody may. */
        Optional<String> publisherServiceKey();

        /** The base64url pair key analysis-service shares with this service, to store thumbnails; unset: nobody may. */
        Optional<String> analysisServiceKey();

        /** The base64url pair key scheduler-service shares with this service, to ask after an item; unset: nobody may. */
        Optional<String> schedulerServiceKey();

        /** The base64url pair key studio-service shares with this service, to hand in generated posts. */
        Optional<String> studioServiceKey();
    }

    interface Storage {
        /** {@code local} or {@code s3}. */
        String kind();

        S3 s3();

        interface S3 {
            String bucket();

            String region();

            /** Unset for AWS itself; MinIO, Cloudflare R2 and Supabase Storage give theirs. */
            Optional<String> endpoint();

            Optional<String> accessKeyId();

            Optional<String> secretAccessKey();

            boolean pathStyle();
        }
    }

    interface Limits {
        /** The largest file taken from any source. */
        MemorySize maxSize();

        Duration maxDuration();

        /** The largest picture, either way round: {@code 3840x2160} also admits 2160x3840. */
        String maxResolution();
    }

    interface AssetUrls {
        /** The HMAC-SHA256 key of this service's asset URLs, base64 (at least 32 bytes). */
        String signingKey();

        /** How long an asset URL handed out stays valid. */
        Duration ttl();
    }

    interface Importing {
        /**
         * Origins ({@code scheme://host:port}) fetched without the https and address checks. Empty in production;
         * tests name their local source server here and nothing else.
         */
        Optional<List<String>> trustedOrigins();

        /** The largest body an import fetches; the general limit when unset. */
        Optional<io.quarkus.runtime.configuration.MemorySize> maxSize();

        @WithDefault("5S")
        Duration connectTimeout();

        /** A source that sends nothing for this long is given up. */
        @WithDefault("15S")
        Duration idleTimeout();

        /** The longest an import may take in all. */
        @WithDefault("30M")
        Duration deadline();

        @WithDefault("5")
        int maxRedirects();
    }
}
