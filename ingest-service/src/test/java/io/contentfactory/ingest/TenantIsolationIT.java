package io.contentfactory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.persistence.MediaAssetStore;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row-level security is the second line of defence: these queries deliberately forget their tenant filter, and
 * run on a pool of one connection, so that every transaction reuses the connection the other tenant just used.
 */
@QuarkusTest
@TestProfile(TenantIsolationIT.OneConnection.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class TenantIsolationIT {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1");
        }
    }

    @Inject
    MediaAssetStore assets;

    @Inject
    TenantScope tenancy;

    private final UUID projectA = UUID.randomUUID();
    private final UUID projectB = UUID.randomUUID();

    @BeforeEach
    void twoProjectsWithMedia() throws Exception {
        // Written as the owner, past the policies, so that the rows exist whatever the application can see.
        try (Connection owner = PostgresResource.database().connect();
                PreparedStatement insert = owner.prepareStatement("insert into ingest.media_assets (project_id, id,"
                        + " source_type, storage_path, file_name, content_type, media_type, size_bytes, sha256, status)"
                        + " values (?, ?, 'upload', 'x', ?, 'image/jpeg', 'image', 1, ?, 'ingested')")) {
            for (int i = 0; i < 3; i++) {
                insertAsset(insert, projectA, "a-" + i + ".jpg");
            }
            for (int i = 0; i < 2; i++) {
                insertAsset(insert, projectB, "b-" + i + ".jpg");
            }
        }
    }

    @Test
    void theSchemaFollowsTheIsolationRules() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "ingest",
                "cf_ingest",
                Map.of(),
                Map.of(
                        "project_folders_slug_key", "the folder scan maps a directory name to its project",
                        "project_folders_pkey", "keyed by the project id itself"));
    }

    @Test
    void aQueryWithoutTenantFilterSeesOnlyTheBoundProjectOnOneAlternatingConnection() throws Throwable {
        Set<Integer> backends = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            UUID tenant = round % 2 == 0 ? projectA : projectB;
            List<MediaAsset> visible = inTransaction(() -> tenancy.bind(tenant)
                    .chain(() -> backend().invoke(backends::add))
                    .chain(() -> assets.listAll()));
            assertThat(visible)
                    .isNotEmpty()
                    .allSatisfy(asset -> assertThat(asset.projectId).isEqualTo(tenant));
            assertThat(visible.stream().filter(asset -> asset.fileName.startsWith(tenant == projectA ? "a-" : "b-")))
                    .hasSize(tenant == projectA ? 3 : 2);
        }
        assertThat(backends)
                .as("every transaction ran on the same pooled connection")
                .hasSize(1);
    }

    @Test
    void aTransactionThatBindsNothingSeesNothingEvenRightAfterAnotherTenantUsedTheConnection() throws Throwable {
        inTransaction(() -> tenancy.bind(projectA).chain(() -> assets.listAll()));

        assertThat(inTransaction(() -> assets.listAll())).isEmpty();
        assertThat(VertxContextSupport.<Long>subscribeAndAwait(() -> Panache.withSession(() -> assets.count())))
                .isZero();
    }

    @Test
    void anUnfilteredUpdateTouchesOnlyTheBoundProject() throws Throwable {
        int updated = inTransaction(() -> tenancy.bind(projectB)
                .chain(() -> assets.update("status = ?1", io.contentfactory.ingest.domain.MediaStatus.ARCHIVED)));

        assertThat(updated).isEqualTo(2);
        assertThat(inTransaction(() -> tenancy.bind(projectA)
                        .chain(() -> assets.count("status", io.contentfactory.ingest.domain.MediaStatus.ARCHIVED))))
                .isZero();
    }

    @Test
    void aRowForAnotherProjectCannotBeWritten() throws Throwable {
        assertThatThrownBy(() -> inTransaction(() -> tenancy.bind(projectA).chain(() -> {
                    MediaAsset smuggled = new MediaAsset();
                    smuggled.projectId = projectB;
                    smuggled.id = UUID.randomUUID();
                    smuggled.sourceType = "upload";
                    smuggled.storagePath = "x";
                    smuggled.fileName = "smuggled.jpg";
                    smuggled.contentType = "image/jpeg";
                    smuggled.sha256 = "sha";
                    smuggled.status = io.contentfactory.ingest.domain.MediaStatus.INGESTED;
                    smuggled.createdAt = Instant.now();
                    return assets.persistAndFlush(smuggled);
                })))
                .hasStackTraceContaining("row-level security");
        assertThat(inTransaction(() -> tenancy.system().chain(() -> assets.count("fileName", "smuggled.jpg"))))
                .isZero();
    }

    @Test
    void theSystemRoleSeesEveryProjectOnlyInsideItsOwnTransaction() throws Throwable {
        long all = inTransaction(() ->
                tenancy.system().chain(() -> assets.count("projectId in ?1", List.of(projectA, projectB))));
        assertThat(all).isEqualTo(5);
        assertThat(inTransaction(() -> assets.count())).isZero();
    }

    @Test
    void thePipelinedReadPathIsBoundToo() throws Throwable {
        for (int round = 0; round < 10; round++) {
            UUID tenant = round % 2 == 0 ? projectA : projectB;
            List<UUID> owners = new java.util.ArrayList<>();
            VertxContextSupport.subscribeAndAwait(() -> tenancy.statementInProject(
                            tenant,
                            "select project_id from ingest.media_assets",
                            io.vertx.mutiny.sqlclient.Tuple.tuple())
                    .invoke(rows -> rows.forEach(row -> owners.add(row.getUUID("project_id")))));
            assertThat(owners).hasSize(tenant == projectA ? 3 : 2).containsOnly(tenant);
        }
        assertThat(inTransaction(() -> assets.listAll()))
                .as("nothing stays bound after a pipelined read")
                .isEmpty();
    }

    private static Uni<Integer> backend() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_backend_pid()", Integer.class)
                        .getSingleResult());
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static void insertAsset(PreparedStatement insert, UUID projectId, String fileName) throws Exception {
        insert.setObject(1, projectId);
        insert.setObject(2, UUID.randomUUID());
        insert.setString(3, fileName);
        insert.setString(4, "sha-of-" + fileName);
        insert.executeUpdate();
    }
}
