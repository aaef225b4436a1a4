package io.contentfactory.ingest.storage;

import io.contentfactory.ingest.config.IngestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Supabase Storage's S3 endpoint) as the object store. A
 * staged file is uploaded with one PUT, which S3 makes visible all at once or not at all; bytes already in the
 * bucket under their hash are not sent again. Platforms fetch objects through presigned GET URLs.
 */
public final class S3ObjectStorage implements ObjectStorage {

    /** SigV4 presigned URLs live at most seven days. */
    private static final Duration LONGEST_PRESIGNED = Duration.ofDays(7);

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;

    S3ObjectStorage(S3Client client, S3Presigner presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public static S3ObjectStorage create(IngestConfig.Storage.S3 config) {
        Region region = Region.of(config.region());
        AwsCredentialsProvider credentials = config.accessKeyId().isPresent()
                        && config.secretAccessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.accessKeyId().get(), config.secretAccessKey().get()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration service = S3Configuration.builder()
                .pathStyleAccessEnabled(config.pathStyle())
                .chunkedEncodingEnabled(false)
                .build();
        var clientBuilder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(service)
                // S3-compatible stores differ in their support of the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presignerBuilder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(service);
        config.endpoint().map(URI::create).ifPresent(endpoint -> {
            clientBuilder.endpointOverride(endpoint);
            presignerBuilder.endpointOverride(endpoint);
        });
        return new S3ObjectStorage(clientBuilder.build(), presignerBuilder.build(), config.bucket());
    }

    @Override
    public String store(UUID projectId, StagedFile staged) throws IOException {
        String key = ObjectStorage.key(projectId, staged.sha256());
        try {
            if (!exists(key)) {
                client.putObject(
                        put -> put.bucket(bucket).key(key).contentLength(staged.sizeBytes()),
                        RequestBody.fromFile(staged.path()));
            }
            return key;
        } catch (SdkException e) {
            throw new IOException("cannot store " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        } finally {
            staged.discard();
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(get -> get.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("cannot read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<URI> directUrl(String key, String contentType, Duration ttl) {
        Duration lifetime = ttl.compareTo(LONGEST_PRESIGNED) > 0 ? LONGEST_PRESIGNED : ttl;
        var presigned = presigner.presignGetObject(request -> request.signatureDuration(lifetime)
                .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentType(contentType)));
        return Optional.of(URI.create(presigned.url().toString()));
    }

    private boolean exists(String key) {
        try {
            client.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
