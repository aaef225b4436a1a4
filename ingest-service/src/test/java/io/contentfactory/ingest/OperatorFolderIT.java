package io.contentfactory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A project whose folder an operator configured outside the watch root: that folder is watched, not {@code <root>/<slug>}. */
@QuarkusTest
@TestProfile(OperatorFolderIT.ConfiguredFolder.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class OperatorFolderIT {

    @jakarta.inject.Inject
    io.contentfactory.ingest.service.FolderWatcher watcher;

    /** Fixed: the profile and the test are loaded by different class loaders, and both must name the same project. */
    static final String SLUG = "operator-studio";

    static final Path FOLDER = Path.of("target/operator-folders/" + SLUG).toAbsolutePath();
    private static final Path INBOX = Path.of("target/test-inbox").toAbsolutePath();

    public static class ConfiguredFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factory.ingest.project-folders.\"" + SLUG + "\"", FOLDER.toString());
        }
    }

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void theConfiguredFolderIsCreatedAndWatchedAndTheDefaultOneIsNot() throws Exception {
        deleteRecursively(FOLDER);
        deleteRecursively(INBOX.resolve(SLUG));
        UUID projectId = UUID.randomUUID();
        kafka.send(
                Topics.PROJECT_CREATED,
                projectId.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/api-gateway",
                        projectId,
                        Instant.now(),
                        new ProjectCreated(projectId, SLUG, "Studio", "UTC"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(FOLDER));
        assertThat(INBOX.resolve(SLUG)).doesNotExist();

        Files.createDirectories(INBOX.resolve(SLUG));
        Files.write(INBOX.resolve(SLUG).resolve("ignored.jpg"), TestMedia.jpeg(20, 20));
        Files.write(FOLDER.resolve("picked-up.jpg"), TestMedia.jpeg(21, 21));

        await().atMost(Duration.ofSeconds(60)).until(() -> names(projectId).contains("picked-up.jpg"));
        // Three whole scans after the one that took picked-up.jpg: had the slug's folder been watched, the file in it
        // would have been taken by now.
        for (int i = 0; i < 3; i++) {
            watcher.scan();
        }
        assertThat(names(projectId)).doesNotContain("ignored.jpg");
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String names(UUID projectId) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select string_agg(file_name, ',') from ingest.media_assets where project_id = '"
                                + projectId + "'")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
