package io.contentfactory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class FolderIngestIT {

    private static final Path INBOX = Path.of("target/test-inbox").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @jakarta.inject.Inject
    io.contentfactory.ingest.service.FolderWatcher watcher;

    private UUID projectId;
    private String slug;

    @BeforeEach
    void createProject() {
        projectId = UUID.randomUUID();
        slug = "p-" + projectId.toString().substring(0, 8);
        kafka.send(Topics.PROJECT_CREATED, projectId.toString(), projectCreated(projectId, slug, UUID.randomUUID()));
        await().atMost(TIMEOUT).until(() -> Files.isDirectory(INBOX.resolve(slug)));
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Exception {
        UUID otherProject = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event =
                projectCreated(otherProject, "twice-" + otherProject.toString().substring(0, 8), eventId);
        kafka.send(Topics.PROJECT_CREATED, otherProject.toString(), event);
        kafka.send(Topics.PROJECT_CREATED, otherProject.toString(), event);
        UUID marker = UUID.randomUUID();
        kafka.send(
                Topics.PROJECT_CREATED,
                marker.toString(),
                projectCreated(marker, "marker-" + marker.toString().substring(0, 8), UUID.randomUUID()));

        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from ingest.project_folders where project_id = '" + marker + "'") == 1);
        assertThat(count("select count(*) from ingest.project_folders where project_id = '" + otherProject + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from ingest.inbox where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerCarriesOn() {
        String garbage = "{\"this is\": not json " + UUID.randomUUID();
        kafka.send(Topics.PROJECT_CREATED, "bad", garbage);
        UUID after = UUID.randomUUID();
        kafka.send(
                Topics.PROJECT_CREATED,
                after.toString(),
                projectCreated(after, "after-" + after.toString().substring(0, 8), UUID.randomUUID()));

        ConsumerRecord<String, String> dead = kafka.awaitOne(
                Topics.deadLetter("ingest-service", Topics.PROJECT_CREATED),
                record -> garbage.equals(record.value()),
                TIMEOUT);
        String reason =
                new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("not a CloudEvents JSON envelope");
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from ingest.project_folders where project_id = '" + after + "'") == 1);
    }

    @Test
    void aDroppedFileIsStoredRegisteredAndAnnouncedOnceWithItsHash() throws Exception {
        byte[] jpeg = jpeg(64, 48);
        Files.write(INBOX.resolve(slug).resolve("cover.jpg"), jpeg);

        CloudEvent event = awaitIngested("cover.jpg");
        MediaIngested data = EventCodec.data(event, MediaIngested.class);
        assertThat(data.sha256()).isEqualTo(sha256(jpeg));
        assertThat(data.sizeBytes()).isEqualTo(jpeg.length);
        assertThat(data.mediaType()).isEqualTo(MediaType.IMAGE);
        assertThat(data.contentType()).isEqualTo("image/jpeg");
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId
                        + "' and status = 'ingested' and sha256 = '" + data.sha256() + "'"))
                .isEqualTo(1);

        byte[] served = io.restassured.RestAssured.get(data.contentUrl().replaceFirst("http://localhost:\\d+", ""))
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertThat(served).isEqualTo(jpeg);

        // Later scans create nothing; a copy of the same bytes under another name is a duplicate of the first item.
        Files.write(INBOX.resolve(slug).resolve("copy.jpg"), jpeg);
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from ingest.media_assets where project_id = '" + projectId
                                + "' and file_name = 'copy.jpg' and status = 'duplicate' and duplicate_of = '"
                                + data.mediaId() + "'")
                        == 1);
        scansPassed();
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId + "'"))
                .isEqualTo(2);
        assertThat(ingestedEvents("cover.jpg") + ingestedEvents("copy.jpg")).isEqualTo(1);
    }

    @Test
    void aRestartIngestsNothingTwiceAndCatchesUpOnFilesThatArrivedMeanwhile() throws Exception {
        Files.write(INBOX.resolve(slug).resolve("before.jpg"), jpeg(30, 30));
        awaitIngested("before.jpg");

        watcher.forgetAsAfterRestart();
        Files.createDirectories(INBOX.resolve(slug).resolve("sub/folder"));
        Files.write(INBOX.resolve(slug).resolve("sub/folder/while-down.jpg"), jpeg(31, 31));

        awaitIngested("while-down.jpg");
        assertThat(string("select file_name from ingest.watched_files w join ingest.media_assets m on m.id = w.media_id"
                        + " where w.relative_path = 'sub/folder/while-down.jpg' and w.project_id = '" + projectId
                        + "'"))
                .isEqualTo("while-down.jpg");
        scansPassed();
        assertThat(ingestedEvents("before.jpg")).isEqualTo(1);
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId
                        + "' and file_name = 'before.jpg'"))
                .isEqualTo(1);
    }

    @Test
    void aReplacedFileBecomesTheNextVersionOfItsPath() throws Exception {
        Path file = INBOX.resolve(slug).resolve("poster.jpg");
        Files.write(file, jpeg(40, 40));
        MediaIngested first = EventCodec.data(awaitIngested("poster.jpg"), MediaIngested.class);

        Files.write(file, jpeg(41, 41));
        Files.setLastModifiedTime(
                file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));

        await().atMost(TIMEOUT).until(() -> ingestedEvents("poster.jpg") == 2);
        MediaIngested second = kafka.all(Topics.MEDIA_INGESTED).stream()
                .map(r -> EventCodec.parse(r.value()))
                .filter(e -> e.projectid().equals(projectId))
                .map(e -> EventCodec.data(e, MediaIngested.class))
                .filter(m -> m.version() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.previousVersionId()).isEqualTo(first.mediaId());
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void aFileStillGrowingUnderItsFinalNameWaitsUntilItsSizeSettles() throws Exception {
        Path clip = TestMedia.mp4(Files.createTempFile("growing", ".mp4"), 160, 120, 1);
        byte[] whole = Files.readAllBytes(clip);
        Path target = INBOX.resolve(slug).resolve("growing.mp4");
        try (var out = Files.newOutputStream(target)) {
            for (int offset = 0; offset < whole.length; offset += whole.length / 8 + 1) {
                out.write(whole, offset, Math.min(whole.length / 8 + 1, whole.length - offset));
                out.flush();
                Thread.sleep(150);
            }
        }
        MediaIngested data = EventCodec.data(awaitIngested("growing.mp4"), MediaIngested.class);
        assertThat(data.sizeBytes()).isEqualTo(whole.length);
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId
                        + "' and status = 'rejected'"))
                .isZero();
    }

    @Test
    void temporaryNamesWaitUntilTheDownloadIsComplete() throws Exception {
        Path partial = INBOX.resolve(slug).resolve("clip.jpg.part");
        Files.write(partial, jpeg(32, 32));
        scansPassed();
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId + "'"))
                .isZero();

        Files.move(partial, INBOX.resolve(slug).resolve("clip.jpg"));
        awaitIngested("clip.jpg");
    }

    @Test
    void aSymlinkThatEscapesTheRootIsNotIngested() throws Exception {
        Path outside = Files.createTempFile("outside", ".jpg");
        Files.write(outside, jpeg(16, 16));
        Files.createSymbolicLink(INBOX.resolve(slug).resolve("escape.jpg"), outside);
        Files.write(INBOX.resolve(slug).resolve("inside.jpg"), jpeg(20, 20));

        awaitIngested("inside.jpg");
        assertThat(count("select count(*) from ingest.media_assets where project_id = '" + projectId
                        + "' and file_name = 'escape.jpg'"))
                .isZero();
    }

    @Test
    void emptyAndUnrecognisedFilesAreKeptAsRejectedWithAReason() throws Exception {
        Files.write(INBOX.resolve(slug).resolve("empty.mp4"), new byte[0]);
        Files.writeString(INBOX.resolve(slug).resolve("notes.mp4"), "this is text, not a video");

        Files.write(INBOX.resolve(slug).resolve("photo.heic"), TestMedia.heicLike());
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from ingest.media_assets where project_id = '" + projectId
                                + "' and status = 'rejected'")
                        == 3);
        assertThat(string(
                        "select reject_reason from ingest.media_assets where file_name = 'photo.heic' and project_id = '"
                                + projectId + "'"))
                .startsWith("unsupported_type: HEIC");
        assertThat(string(
                        "select reject_reason from ingest.media_assets where file_name = 'empty.mp4' and project_id = '"
                                + projectId + "'"))
                .startsWith("empty_file");
        assertThat(string(
                        "select reject_reason from ingest.media_assets where file_name = 'notes.mp4' and project_id = '"
                                + projectId + "'"))
                .startsWith("unsupported_type");
        assertThat(ingestedEvents("notes.mp4")).isZero();
    }

    private CloudEvent awaitIngested(String fileName) {
        ConsumerRecord<String, String> record = kafka.awaitOne(
                Topics.MEDIA_INGESTED,
                r -> {
                    CloudEvent e = EventCodec.parse(r.value());
                    return e.projectid().equals(projectId)
                            && fileName.equals(e.data().path("fileName").asText());
                },
                TIMEOUT);
        CloudEvent event = EventCodec.parse(record.value());
        assertThat(event.type()).isEqualTo("io.contentfactory.media.ingested.v1");
        assertThat(record.key()).isEqualTo(event.data().path("mediaId").asText());
        return event;
    }

    private long ingestedEvents(String fileName) {
        return kafka.all(Topics.MEDIA_INGESTED).stream()
                .map(r -> EventCodec.parse(r.value()))
                .filter(e -> e.projectid().equals(projectId)
                        && fileName.equals(e.data().path("fileName").asText()))
                .count();
    }

    private static String projectCreated(UUID projectId, String slug, UUID eventId) {
        return EventCodec.toJson(EventCodec.envelope(
                eventId,
                "/content-factory/api-gateway",
                projectId,
                Instant.now(),
                new ProjectCreated(projectId, slug, "Project " + slug, "Europe/Berlin")));
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | (int) (Math.random() * 255));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(string(sql));
    }

    private static String string(String sql) throws SQLException {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Three whole scans, run here and now: a file is taken once it is unchanged across two scans, so after three any
     * file there was to take has been taken. Absences are checked after this, never after a sleep.
     */
    private void scansPassed() {
        for (int i = 0; i < 3; i++) {
            watcher.scan();
        }
    }
}
